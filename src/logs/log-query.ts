// What the logs pane shows: which kept lines match, and the window of them ending at an anchor.
// Lines are addressed by their index in the store's merged order; LogLine objects are built
// only for what is returned.
import type { LogLevel, LogLine } from './line';
import type { LogStore } from './log-store';

export interface LogQuery {
  /** Bumped whenever the query changes; the store caches each line's match under it. */
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

/** Whether the i-th kept line matches. */
export function matches(store: LogStore, i: number, query: LogQuery): boolean {
  const cached = store.cachedMatch(i, query.key);
  if (cached !== undefined) return cached;
  const ok = evaluate(store, i, query);
  store.cacheMatch(i, query.key, ok);
  return ok;
}

function evaluate(store: LogStore, i: number, query: LogQuery): boolean {
  const service = store.serviceAt(i);
  if (query.include && !query.include.has(service)) return false;
  if (query.exclude.has(service)) return false;
  const level = query.minLevel ? store.levelAt(i) : undefined;
  if (query.minLevel === 'error' && level !== 'error') return false;
  if (query.minLevel === 'warn' && level === undefined) return false;
  if (!query.pattern) return true;
  query.pattern.lastIndex = 0;
  return query.pattern.test(store.plainAt(i)) !== query.invert;
}

/** Index of the last kept line at or before `anchor` (which may have been pushed out), or -1. */
function endAt(store: LogStore, anchor: LogLine | undefined): number {
  if (!anchor) return store.size - 1;
  const at = store.indexOf(anchor);
  return store.isAt(at, anchor) ? at : at - 1;
}

/**
 * The matching lines that fill `rows` screen rows and end at `anchor` (inclusive), or at the
 * newest line when there is no anchor. `rowsOf` says how many rows a line takes.
 */
export function windowEndingAt(
  store: LogStore, query: LogQuery, rows: number,
  anchor: LogLine | undefined, rowsOf: (line: LogLine) => number = () => 1,
): LogLine[] {
  const out: LogLine[] = [];
  let used = 0;
  for (let i = endAt(store, anchor); i >= 0 && used < rows; i--) {
    if (!matches(store, i, query)) continue;
    const line = store.lineAt(i);
    used += rowsOf(line);
    out.push(line);
  }
  return out.reverse();
}

/** The newest line that matches, if any. */
export function newestMatching(store: LogStore, query: LogQuery): LogLine | undefined {
  for (let i = store.size - 1; i >= 0; i--) if (matches(store, i, query)) return store.lineAt(i);
  return undefined;
}

/** The oldest line that matches, if any. */
export function oldestMatching(store: LogStore, query: LogQuery): LogLine | undefined {
  for (let i = 0; i < store.size; i++) if (matches(store, i, query)) return store.lineAt(i);
  return undefined;
}

/** The line `steps` matching lines away from `from` (negative = older), stopping at either end. */
export function stepFrom(store: LogStore, query: LogQuery, from: LogLine, steps: number): LogLine {
  const dir = steps < 0 ? -1 : 1;
  const at = store.indexOf(from);
  let i = store.isAt(at, from) ? at + dir : dir < 0 ? at - 1 : at;
  let last = -1;
  for (let left = Math.abs(steps); i >= 0 && i < store.size && left > 0; i += dir) {
    if (!matches(store, i, query)) continue;
    last = i;
    left--;
  }
  return last === -1 ? from : store.lineAt(last);
}
