// How the screen may draw here: colour unless NO_COLOR, box drawing unless the locale is not
// UTF-8 (LANG=C shows ASCII instead of broken boxes).
import chalk, { type ForegroundColorName } from 'chalk';
import type { BoxProps } from 'ink';

export interface Theme {
  color: boolean;
  unicode: boolean;
  border: NonNullable<BoxProps['borderStyle']>;
  glyph: { up: string; down: string; sep: string; ellipsis: string; group: string; selected: string; ok: string; fail: string };
}

export function isUtf8Locale(env: NodeJS.ProcessEnv): boolean {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  return /utf-?8/i.test(locale);
}

const ASCII_BORDER = { topLeft: '+', top: '-', topRight: '+', left: '|', right: '|', bottomLeft: '+', bottom: '-', bottomRight: '+' };

export function makeTheme(env: NodeJS.ProcessEnv = process.env): Theme {
  const unicode = isUtf8Locale(env);
  return {
    color: env.NO_COLOR === undefined || env.NO_COLOR === '',
    unicode,
    border: unicode ? 'round' : ASCII_BORDER,
    glyph: unicode
      ? { up: '▲', down: '▼', sep: '│', ellipsis: '…', group: '▾', selected: '›', ok: '✓', fail: '✗' }
      : { up: '^', down: 'v', sep: '|', ellipsis: '~', group: '-', selected: '>', ok: 'ok', fail: '!!' },
  };
}

const PALETTE = ['cyan', 'green', 'yellow', 'blue', 'magenta', 'cyanBright', 'greenBright', 'yellowBright', 'blueBright', 'magentaBright', 'white', 'gray'];

/** The same service always gets the same colour, across runs and machines. */
export function serviceColor(service: string): string {
  let hash = 2166136261;
  for (let i = 0; i < service.length; i++) hash = Math.imul(hash ^ service.charCodeAt(i), 16777619);
  return PALETTE[(hash >>> 0) % PALETTE.length];
}

/** SGR foreground codes of the colours used here. */
export const SGR_FOREGROUND: Record<string, number> = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, white: 37, gray: 90, blueBright: 94, cyanBright: 96, greenBright: 92, yellowBright: 93, magentaBright: 95 };

/** `text` in a foreground colour as SGR codes, for text written straight to a terminal (`opsdeck logs`). */
export function paint(text: string, color: string | undefined): string {
  return color && SGR_FOREGROUND[color] ? `\x1b[${SGR_FOREGROUND[color]}m${text}\x1b[39m` : text;
}

/** `text` in a foreground colour through chalk, as Ink colours a <Text color>: none where chalk has no colour. */
export function chalkColour(text: string, color: string | undefined): string {
  return color ? chalk[color as ForegroundColorName](text) : text;
}
