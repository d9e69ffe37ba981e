// kafka-lag-exporter-style time lag: how long ago the next message a group has to read was
// written, interpolated from a table of (log-end offset, time) observations.

export interface LogEndPoint {
  offset: number;
  time: number;
}

export type TimeLagResult =
  | { known: true; ms: number; /** true when the commit predates the table: the real lag is at least `ms`. */ atLeast: boolean }
  | { known: false; ms: undefined; reason: 'no-commit' | 'too-few-points' };

export const DEFAULT_TABLE_SIZE = 60;

/** A bounded, time-ordered table of log-end observations for one partition. */
export class LogEndTable {
  private readonly table: LogEndPoint[] = [];

  constructor(private readonly maxPoints = DEFAULT_TABLE_SIZE) {
    if (maxPoints < 2) throw new Error('a log-end table needs room for at least 2 points');
  }

  get points(): readonly LogEndPoint[] {
    return this.table;
  }

  /**
   * Records the log end seen at `time`. A flat stretch keeps two points, when the log end
   * reached the value and the latest time it still had it, so the next message is placed
   * after the quiet spell rather than spread across it. A log end that went backwards
   * (topic recreated) restarts the table.
   */
  record(offset: number, time: number): void {
    const last = this.table[this.table.length - 1];
    const previous = this.table[this.table.length - 2];
    if (last && time < last.time) return;
    if (last && offset < last.offset) this.table.length = 0;
    if (last && previous && offset === last.offset && offset === previous.offset) {
      last.time = time;
      return;
    }
    this.table.push({ offset, time });
    if (this.table.length > this.maxPoints) this.table.shift();
  }
}

/** Time lag of `committedOffset` at `now`; never extrapolates beyond the table's span. */
export function timeLag(points: readonly LogEndPoint[], committedOffset: number | undefined, now: number): TimeLagResult {
  if (committedOffset === undefined) return { known: false, ms: undefined, reason: 'no-commit' };
  const newest = points[points.length - 1];
  if (newest && committedOffset >= newest.offset) return { known: true, ms: 0, atLeast: false };
  if (points.length < 2) return { known: false, ms: undefined, reason: 'too-few-points' };
  const oldest = points[0];
  if (committedOffset < oldest.offset) return { known: true, ms: Math.max(0, now - oldest.time), atLeast: true };
  // The message at `committedOffset` was written while the log end moved from `before` past it.
  let after = 1;
  while (points[after].offset <= committedOffset) after++;
  const before = points[after - 1];
  const next = points[after];
  const fraction = (committedOffset - before.offset) / (next.offset - before.offset);
  const writtenAt = before.time + fraction * (next.time - before.time);
  return { known: true, ms: Math.max(0, Math.round(now - writtenAt)), atLeast: false };
}
