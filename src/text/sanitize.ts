// Text from containers is untrusted: it must not move the cursor, clear the screen, set the
// window title or clipboard, or ring the bell. Colour (SGR) survives unless colour is off.

const ESC = 0x1b;
const BEL = 0x07;
const MAX_SGR_LENGTH = 64;

export interface SanitizeOptions {
  keepColor?: boolean;
  tabWidth?: number;
}

function isBidiControl(code: number): boolean {
  return (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || code === 0x200e || code === 0x200f;
}

/** Index just past a string terminator (BEL or ESC \) starting the search at `from`. */
function skipToStringTerminator(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === BEL || code === 0x9c) return i + 1;
    if (code === ESC && text.charCodeAt(i + 1) === 0x5c) return i + 2;
  }
  return text.length;
}

/** Index just past a CSI sequence whose parameters start at `from`; `sgr` tells if it ended in `m`. */
function scanCsi(text: string, from: number): { end: number; sgr: boolean } {
  let i = from;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code >= 0x40 && code <= 0x7e) return { end: i + 1, sgr: code === 0x6d };
    if (code < 0x20 || code > 0x3f) return { end: i, sgr: false };
    i++;
  }
  return { end: i, sgr: false };
}

function isPlainSgr(params: string): boolean {
  return params.length <= MAX_SGR_LENGTH && /^[0-9;:]*$/.test(params);
}

// Anything sanitize would drop or rewrite: controls (tab included), DEL, C1, bidi overrides.
const NEEDS_WORK = /[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

export function sanitize(text: string, options: SanitizeOptions = {}): string {
  // Most lines are plain text: one native scan instead of rebuilding them a character at a time.
  if (!NEEDS_WORK.test(text)) return text;
  const keepColor = options.keepColor ?? true;
  const tab = ' '.repeat(options.tabWidth ?? 4);
  let out = '';
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === ESC || code === 0x9b || code === 0x9d || code === 0x90 || code === 0x98 || code === 0x9e || code === 0x9f) {
      i = skipEscape(text, i, code, (sgr) => { if (keepColor) out += sgr; });
      continue;
    }
    if (code === 0x09) out += tab;
    else if (code < 0x20 || code === 0x7f || (code >= 0x80 && code <= 0x9f) || isBidiControl(code)) {
      // dropped: C0/C1 controls, DEL, bidi overrides (a line must not reorder the rest of the screen)
    } else out += text[i];
    i++;
  }
  return out;
}

/** Consumes one escape sequence at `start`, handing SGR sequences to `keep`; returns the next index. */
function skipEscape(text: string, start: number, code: number, keep: (sgr: string) => void): number {
  if (code === 0x9b) return scanCsi(text, start + 1).end;
  if (code !== ESC) return skipToStringTerminator(text, start + 1);
  const next = text.charCodeAt(start + 1);
  if (Number.isNaN(next)) return start + 1;
  if (next === 0x5b) {
    const { end, sgr } = scanCsi(text, start + 2);
    const params = text.slice(start + 2, end - 1);
    if (sgr && isPlainSgr(params)) keep(`\x1b[${params}m`);
    return end;
  }
  // OSC, DCS, SOS, PM, APC carry strings up to a terminator.
  if (next === 0x5d || next === 0x50 || next === 0x58 || next === 0x5e || next === 0x5f) return skipToStringTerminator(text, start + 2);
  // nF sequences: intermediates 0x20–0x2f then one final byte.
  let i = start + 1;
  while (i < text.length && text.charCodeAt(i) >= 0x20 && text.charCodeAt(i) <= 0x2f) i++;
  return Math.min(i + 1, text.length);
}

const SGR = /\x1b\[[0-9;:]*m/g;

export function stripSgr(text: string): string {
  return text.replace(SGR, '');
}
