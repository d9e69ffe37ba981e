import type { LogLine } from '../logs/line';
import { stripSgr } from '../text/sanitize';
import { serviceColor } from '../../views/theme';
import { timestampText, truncationNote } from '../../views/log-rows';

const ANSI: Record<string, number> = { cyan: 36, green: 32, yellow: 33, blue: 34, magenta: 35, cyanBright: 96, greenBright: 92, yellowBright: 93, blueBright: 94, magentaBright: 95, white: 37, gray: 90 };

/** `service |text` (`!|` for stderr), as a line for a pipe or a terminal. */
export function formatLogLine(line: LogLine, options: { width: number; color: boolean; timestamps: boolean }): string {
  const name = line.service.length > options.width ? line.service.slice(0, options.width) : line.service.padEnd(options.width);
  const mark = line.stream === 'stderr' ? '!' : ' ';
  const stamp = options.timestamps ? `${new Date(Math.floor(line.ts / 1000)).toISOString().slice(0, 10)}T${timestampText(line.ts)}Z ` : '';
  const text = options.color ? line.text : stripSgr(line.text);
  const prefix = options.color ? `\x1b[${ANSI[serviceColor(line.service)]}m${name}${mark}|\x1b[0m` : `${name}${mark}|`;
  return `${prefix}${stamp}${text}${options.color ? '\x1b[0m' : ''}${truncationNote(line)}\n`;
}
