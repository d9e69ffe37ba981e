// What the logs pane shows: which lines match, and the window of them ending at an anchor.
import { compareLines, type LogLevel, type LogLine } from './line';

export interface LogQuery {
  /** Bumped whenever the query changes; lines cache their match under it. */
  key: number;
  pattern?: RegExp;
  invert: boolean;
  minLevel?: LogLevel;
  /** When set, only these services. */
  include?: ReadonlySet<string>;
  exclude: ReadonlySet<string>;
}

let nextKey = 1;

export function makeQuery(fields: Omit<LogQuery, 'key'>): LogQuery {
  return { ...fields, key: nextKey++ };
}

export function matches(line: LogLine, query: LogQuery): boolean {
  if (line.evicted) return false;
  if (line.matchKey === query.key) return line.matched === true;
  const ok = evaluate(line, query);
  line.matchKey = query.key;
  line.matched = ok;
  return ok;
}

function evaluate(line: LogLine, query: LogQuery): boolean {
  if (query.include && !query.include.has(line.service)) return false;
  if (query.exclude.has(line.service)) return false;
  if (query.minLevel === 'error' && line.level !== 'error') return false;
  if (query.minLevel === 'warn' && line.level === undefined) return false;
  if (!query.pattern) return true;
  query.pattern.lastIndex = 0;
  return query.pattern.test(line.plain) !== query.invert;
}

/** Index of `line` in `merged` (sorted), or of where it would be. */
export function indexOf(merged: readonly LogLine[], line: LogLine): number {
  let lo = 0;
  let hi = merged.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareLines(merged[mid], line) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The matching lines that fill `rows` screen rows and end at `anchor` (inclusive), or at the
 * newest line when there is no anchor. `rowsOf` says how many rows a line takes.
 */
export function windowEndingAt(
  merged: readonly LogLine[], query: LogQuery, rows: number,
  anchor: LogLine | undefined, rowsOf: (line: LogLine) => number = () => 1,
): LogLine[] {
  const out: LogLine[] = [];
  let end = anchor ? Math.min(indexOf(merged, anchor), merged.length - 1) : merged.length - 1;
  if (anchor && merged[end] && compareLines(merged[end], anchor) > 0) end--;
  let used = 0;
  for (let i = end; i >= 0 && used < rows; i--) {
    const line = merged[i];
    if (!matches(line, query)) continue;
    used += rowsOf(line);
    out.push(line);
  }
  return out.reverse();
}

/** The newest line that matches, if any. */
export function newestMatching(merged: readonly LogLine[], query: LogQuery): LogLine | undefined {
  for (let i = merged.length - 1; i >= 0; i--) if (matches(merged[i], query)) return merged[i];
  return undefined;
}

/** The line `steps` matching lines away from `from` (negative = older), stopping at either end. */
export function stepFrom(merged: readonly LogLine[], query: LogQuery, from: LogLine, steps: number): LogLine {
  const dir = steps < 0 ? -1 : 1;
  const at = indexOf(merged, from);
  let i = merged[at] === from ? at + dir : dir < 0 ? at - 1 : at;
  let last = from;
  for (let left = Math.abs(steps); i >= 0 && i < merged.length && left > 0; i += dir) {
    if (!matches(merged[i], query)) continue;
    last = merged[i];
    left--;
  }
  return last;
}
