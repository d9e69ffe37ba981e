// How one log line is laid out: service prefix in its colour, a `!` for stderr, an optional
// timestamp, the text; and how many screen rows it takes when wrapping.
import chalk from 'chalk';
import type { LogLine } from '../src/logs/line';
import { stripSgr } from '../src/text/sanitize';
import { formatBytes } from './format';
import { chalkColour, serviceColor, type Theme } from './theme';

export const MAX_WRAPPED_ROWS = 8;
const MAX_PREFIX = 16;

export function prefixWidth(services: string[]): number {
  return Math.min(MAX_PREFIX, Math.max(3, ...services.map((s) => s.length)));
}

/** The service name cut or padded to the prefix width. */
export function serviceName(service: string, width: number): string {
  return service.length > width ? service.slice(0, width) : service.padEnd(width);
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

/**
 * A log row as one styled string, as Ink would colour nested <Text>s (through chalk, so a
 * terminal without colour gets none): one text node per row instead of six, which a flood
 * mounts ~45 of per frame.
 */
export function styledRow(line: LogLine, prefix: number, timestamps: boolean, theme: Theme): string {
  const name = serviceName(line.service, prefix);
  const color = theme.color ? serviceColor(line.service) : undefined;
  const levelColor = theme.color && !line.text.includes('\x1b') ? (line.level === 'error' ? 'red' : line.level === 'warn' ? 'yellow' : undefined) : undefined;
  const stderr = line.stream === 'stderr' ? chalk.bold(chalkColour(' !', theme.color ? 'red' : undefined)) : '  ';
  return chalkColour(name, color) + stderr + chalkColour(theme.glyph.sep, color)
    + (timestamps ? chalk.dim(`${timestampText(line.ts)} `) : '')
    + chalkColour(theme.color ? line.text : stripSgr(line.text), levelColor)
    + (line.truncatedBytes ? chalk.dim(truncationNote(line)) : '');
}
