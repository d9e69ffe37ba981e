// Burrow-style partition status on recorded commit sequences.
import { describe, it, expect } from 'vitest';
import { evaluatePartition, groupStatus, recordCommit, type CommitSample } from '../src/kafka/lag/status';

/** Commits every 10 s starting at t=0: [offset, logEndOffset] pairs. */
const commitsEvery10s = (pairs: Array<[number, number]>): CommitSample[] =>
  pairs.map(([offset, logEndOffset], i) => ({ offset, logEndOffset, timestamp: i * 10_000 }));
const justAfter = (window: CommitSample[]) => window[window.length - 1].timestamp + 5_000;

describe('partition status', () => {
  it('is OK while a lagging consumer catches up', () => {
    const window = commitsEvery10s([[0, 100], [20, 110], [45, 120], [70, 125], [95, 130]]);
    expect(evaluatePartition(window, 130, justAfter(window)).status).toBe('OK');
  });

  it('is WARN when lag never decreases even though offsets move', () => {
    const window = commitsEvery10s([[0, 10], [10, 25], [20, 40], [30, 55], [40, 70]]);
    const result = evaluatePartition(window, 70, justAfter(window));
    expect(result.status).toBe('WARN');
    expect(result.lag).toBe(30);
  });

  it('is STALL when the committed offset never moves while lag stays', () => {
    const window = commitsEvery10s([[50, 60], [50, 60], [50, 61], [50, 65], [50, 70]]);
    expect(evaluatePartition(window, 70, justAfter(window)).status).toBe('STALL');
  });

  it('is STOP when commits stopped for longer than the window spans while lag stays', () => {
    const window = commitsEvery10s([[0, 10], [10, 20], [20, 30], [30, 40]]); // spans 30 s
    expect(evaluatePartition(window, 60, 30_000 + 25_000).status).not.toBe('STOP');
    const stopped = evaluatePartition(window, 60, 30_000 + 31_000);
    expect(stopped.status).toBe('STOP');
    expect(stopped.reason).toMatch(/no commit for 31000 ms/);
  });

  it('is REWIND when the committed offset goes backwards', () => {
    const window = commitsEvery10s([[100, 120], [110, 130], [40, 140]]);
    expect(evaluatePartition(window, 140, justAfter(window)).status).toBe('REWIND');
  });

  it('never calls a quiet, caught-up topic STOP, however old the last commit', () => {
    const window = commitsEvery10s([[500, 500], [500, 500], [500, 500]]);
    expect(evaluatePartition(window, 500, 10 * 24 * 3600_000)).toMatchObject({ status: 'OK', lag: 0 });
  });

  it('ignores lag up to the allowed lag', () => {
    const window = commitsEvery10s([[50, 55], [50, 55], [50, 55]]);
    expect(evaluatePartition(window, 55, justAfter(window), { allowedLag: 5 }).status).toBe('OK');
    expect(evaluatePartition(window, 55, justAfter(window), { allowedLag: 4 }).status).toBe('STALL');
  });

  it('keeps only the newest commits and does not count a repeated observation twice', () => {
    let window: CommitSample[] = [];
    for (let i = 0; i < 15; i++) window = recordCommit(window, { offset: i, logEndOffset: 20, timestamp: i }, 10);
    window = recordCommit(window, { offset: 14, logEndOffset: 21, timestamp: 14 }, 10);
    expect(window.map((c) => c.offset)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  });

  it('rates a group by its worst partition', () => {
    expect(groupStatus(['OK', 'WARN', 'OK'])).toBe('WARN');
    expect(groupStatus(['WARN', 'STOP', 'REWIND', 'STALL'])).toBe('STOP');
    expect(groupStatus([])).toBe('OK');
  });
});
