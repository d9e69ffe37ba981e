import { describe, expect, it } from 'vitest';
import { applyResult, CheckStatusBook, displayState, initialStatus, type CheckStatus } from '../src/checks/check-status';
import type { CheckResult, CheckState } from '../src/checks/types';

const result = (state: CheckState, at: number, extra: Partial<CheckResult> = {}): CheckResult => ({ state, at, ...extra });

function replay(states: CheckState[]): CheckStatus {
  return states.reduce((status, state, i) => applyResult(status, result(state, 1000 * (i + 1))), initialStatus(0));
}

describe('check status', () => {
  it('tracks since when a state holds, failures in a row and the last error', () => {
    let status = initialStatus(0);
    status = applyResult(status, result('ok', 1000, { latencyMs: 12 }));
    status = applyResult(status, result('ok', 2000, { latencyMs: 14 }));
    expect(status).toMatchObject({ state: 'ok', since: 1000, consecutiveFailures: 0, lastLatencyMs: 14 });
    status = applyResult(status, result('down', 3000, { error: 'HTTP 503' }));
    status = applyResult(status, result('down', 4000, { error: 'connection refused by 127.0.0.1:8000' }));
    expect(status).toMatchObject({ state: 'down', since: 3000, consecutiveFailures: 2, lastError: 'connection refused by 127.0.0.1:8000', lastErrorAt: 4000 });
    status = applyResult(status, result('ok', 5000, { latencyMs: 9 }));
    expect(status).toMatchObject({ state: 'ok', since: 5000, consecutiveFailures: 0, lastError: 'connection refused by 127.0.0.1:8000' });
  });

  it('does not change the status it was given', () => {
    const before = replay(['ok', 'ok']);
    const copy = structuredClone(before);
    applyResult(before, result('down', 9000, { error: 'x' }));
    expect(before).toEqual(copy);
  });

  it('shows flapping instead of alternating once 4 of the last 10 results changed state', () => {
    expect(displayState(replay(['ok', 'down', 'ok', 'down']))).toBe('down');
    const flapping = replay(['ok', 'down', 'ok', 'down', 'ok']);
    expect(flapping.flapping).toBe(true);
    expect(displayState(flapping)).toBe('flapping');
    expect(displayState(applyResult(flapping, result('down', 99_000)))).toBe('flapping');
  });

  it('stops flapping only once the recent results have settled', () => {
    const settling = replay(['ok', 'down', 'ok', 'down', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    expect(settling.flapping).toBe(true);
    const settled = replay(['ok', 'down', 'ok', 'down', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    expect(settled.flapping).toBe(false);
    expect(displayState(settled)).toBe('ok');
  });

  it('keeps one status per check', () => {
    const book = new CheckStatusBook();
    book.record('api', result('ok', 1));
    book.record('redis', result('down', 1, { error: 'timeout after 2 s' }));
    book.record('api', result('ok', 2));
    expect(book.get('api')?.since).toBe(1);
    expect(book.get('redis')?.consecutiveFailures).toBe(1);
    expect([...book.all().keys()]).toEqual(['api', 'redis']);
  });
});
