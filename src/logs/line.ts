import { stripSgr } from '../text/sanitize';

export type LogStream = 'stdout' | 'stderr';
export type LogLevel = 'error' | 'warn';

export interface LogLine {
  /** Arrival order, unique: breaks ties between equal timestamps. */
  seq: number;
  /** Docker timestamp in microseconds since the epoch. */
  ts: number;
  service: string;
  container: string;
  stream: LogStream;
  /** Sanitised text; colour (SGR) kept. */
  text: string;
  /** The text without colour, for filters and widths. */
  plain: string;
  level?: LogLevel;
  truncatedBytes: number;
}

const ERROR = /\b(FATAL|CRITICAL|PANIC|ERROR|ERR)\b|\blevel[=:]\s*"?(error|fatal|critical|panic)\b|"level"\s*:\s*"(error|fatal|critical)"/i;
const WARN = /\b(WARN|WARNING)\b|\blevel[=:]\s*"?warn(ing)?\b|"level"\s*:\s*"warn(ing)?"/i;
const UPPER_ERROR = /\b(FATAL|CRITICAL|PANIC|ERROR|ERR)\b/;
const UPPER_WARN = /\b(WARN|WARNING)\b/;

/** Log level from the usual spellings: `ERROR`, `[WARN]`, `level=error`, `"level":"warn"`. */
export function detectLevel(plain: string): LogLevel | undefined {
  // Lower-case "error" in prose ("0 errors") is not a level; only the structured spellings count.
  const head = plain.length > 512 ? plain.slice(0, 512) : plain;
  if (UPPER_ERROR.test(head) || (ERROR.test(head) && /level/i.test(head))) return 'error';
  if (UPPER_WARN.test(head) || (WARN.test(head) && /level/i.test(head))) return 'warn';
  return undefined;
}

/** The text without colour, for filters, widths and level detection. */
export function plainOf(text: string): string {
  return text.includes('\x1b') ? stripSgr(text) : text;
}

export function makeLine(fields: Omit<LogLine, 'plain' | 'level'>): LogLine {
  const plain = plainOf(fields.text);
  return { ...fields, plain, level: detectLevel(plain) };
}

export function compareLines(a: LogLine, b: LogLine): number {
  return a.ts - b.ts || a.seq - b.seq;
}
