import { describe, it, expect } from 'vitest';
import { splitTimestamp, sinceParam } from '../src/docker/demux';

describe('Docker timestamps on log lines', () => {
  it('become microseconds since the epoch, second after second, whatever the fraction', () => {
    const lines = [
      '2026-11-23T20:11:31.123456789Z first',
      '2026-11-23T20:11:31.5Z second',
      '2026-11-23T20:11:32Z third',
      '2026-11-23T20:11:31.000001Z late tail',
      '2025-01-01T00:00:00.999999Z last year',
    ];
    expect(lines.map((line) => splitTimestamp(line))).toEqual([
      { ts: Date.UTC(2026, 10, 23, 20, 11, 31) * 1000 + 123456, text: 'first' },
      { ts: Date.UTC(2026, 10, 23, 20, 11, 31) * 1000 + 500000, text: 'second' },
      { ts: Date.UTC(2026, 10, 23, 20, 11, 32) * 1000, text: 'third' },
      { ts: Date.UTC(2026, 10, 23, 20, 11, 31) * 1000 + 1, text: 'late tail' },
      { ts: Date.UTC(2025, 0, 1) * 1000 + 999999, text: 'last year' },
    ]);
    expect(splitTimestamp('no timestamp here')).toBeUndefined();
  });

  it('turn back into a since parameter just after the line', () => {
    expect(sinceParam(Date.UTC(2026, 10, 23, 20, 11, 31) * 1000 + 42)).toBe(`${Date.UTC(2026, 10, 23, 20, 11, 31) / 1000}.000042001`);
  });
});
