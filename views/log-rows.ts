// How one log line is laid out: service prefix in its colour, a `!` for stderr, an optional
// timestamp, the text; and how many screen rows it takes when wrapping.
import type { LogLine } from '../src/logs/line';
import { formatBytes } from './format';

export const MAX_WRAPPED_ROWS = 8;
const MAX_PREFIX = 16;

export function prefixWidth(services: string[]): number {
  return Math.min(MAX_PREFIX, Math.max(3, ...services.map((s) => s.length)));
}

export function timestampText(ts: number): string {
  const date = new Date(Math.floor(ts / 1000));
  return date.toISOString().slice(11, 23);
}

export function truncationNote(line: LogLine): string {
  return line.truncatedBytes > 0 ? ` [line cut: +${formatBytes(line.truncatedBytes)}]` : '';
}

/** Screen rows `line` takes at `width` columns (wrapped, capped). */
export function rowsOf(line: LogLine, width: number, prefix: number, timestamps: boolean): number {
  const length = prefix + 3 + (timestamps ? 13 : 0) + line.plain.length + truncationNote(line).length;
  return Math.min(MAX_WRAPPED_ROWS, Math.max(1, Math.ceil(length / Math.max(1, width))));
}
