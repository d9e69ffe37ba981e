import type { LogLine } from '../logs/line';
import { stripSgr } from '../text/sanitize';
import { paint, serviceColor } from '../../views/theme';
import { serviceName, timestampText, truncationNote } from '../../views/log-rows';

/** `service |text` (`!|` for stderr), as a line for a pipe or a terminal. */
export function formatLogLine(line: LogLine, options: { width: number; color: boolean; timestamps: boolean }): string {
  const name = serviceName(line.service, options.width);
  const mark = line.stream === 'stderr' ? '!' : ' ';
  const stamp = options.timestamps ? `${new Date(Math.floor(line.ts / 1000)).toISOString().slice(0, 10)}T${timestampText(line.ts)}Z ` : '';
  const text = options.color ? line.text : stripSgr(line.text);
  const prefix = options.color ? paint(`${name}${mark}|`, serviceColor(line.service)) : `${name}${mark}|`;
  return `${prefix}${stamp}${text}${options.color ? '\x1b[0m' : ''}${truncationNote(line)}\n`;
}
