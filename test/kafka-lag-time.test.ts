// kafka-lag-exporter-style time lag from a table of log-end observations.
import { describe, it, expect } from 'vitest';
import { LogEndTable, timeLag } from '../src/kafka/lag/time-lag';

describe('time lag', () => {
  // A producer writing 10 messages per second, observed every second for 10 s.
  const tenPerSecond = () => {
    const table = new LogEndTable();
    for (let second = 0; second <= 10; second++) table.record(second * 10, second * 1000);
    return table;
  };

  it('interpolates when the next unread message was written', () => {
    const table = tenPerSecond();
    expect(timeLag(table.points, 50, 10_000)).toEqual({ known: true, ms: 5_000, atLeast: false });
    expect(timeLag(table.points, 55, 10_000)).toEqual({ known: true, ms: 4_500, atLeast: false });
    expect(timeLag(table.points, 55, 12_000)).toEqual({ known: true, ms: 6_500, atLeast: false });
  });

  it('is zero for a caught-up group, even on an idle topic with a single observation', () => {
    const table = new LogEndTable();
    table.record(100, 0);
    expect(timeLag(table.points, 100, 3_600_000)).toEqual({ known: true, ms: 0, atLeast: false });
  });

  it('is unknown without a commit or with fewer than two observations', () => {
    expect(timeLag(tenPerSecond().points, undefined, 10_000)).toMatchObject({ known: false, reason: 'no-commit' });
    const table = new LogEndTable();
    table.record(100, 0);
    expect(timeLag(table.points, 40, 1_000)).toMatchObject({ known: false, reason: 'too-few-points' });
  });

  it('clamps to the oldest observation instead of extrapolating for a replayed offset', () => {
    expect(timeLag(tenPerSecond().points, 0, 10_000)).toEqual({ known: true, ms: 10_000, atLeast: false });
    const table = new LogEndTable(3);
    for (let second = 0; second <= 10; second++) table.record(second * 10, second * 1000);
    expect(table.points.map((p) => p.offset)).toEqual([80, 90, 100]);
    expect(timeLag(table.points, 5, 10_000)).toEqual({ known: true, ms: 2_000, atLeast: true });
  });

  it('places messages after a quiet spell at the end of the spell', () => {
    const table = new LogEndTable();
    table.record(0, 0);
    table.record(100, 1_000);
    for (let t = 2_000; t <= 60_000; t += 1_000) table.record(100, t); // quiet for a minute
    table.record(110, 61_000);
    expect(table.points).toHaveLength(4);
    expect(timeLag(table.points, 100, 61_000).ms).toBe(1_000);
    expect(timeLag(table.points, 50, 61_000).ms).toBe(60_500);
  });
});
