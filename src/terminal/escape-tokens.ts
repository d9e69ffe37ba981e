// Splits what a program writes to a terminal into printable text, control characters and escape
// sequences. A sequence cut in two by a write boundary is held until the rest arrives.

export type Token =
  | { kind: 'text'; text: string }
  | { kind: 'control'; char: string }
  /** Control Sequence: ESC [ prefix params intermediates final, e.g. ESC [ ? 25 l. */
  | { kind: 'csi'; raw: string; prefix: string; params: string; intermediates: string; final: string }
  /** Any other escape: ESC 7, ESC ( B, and OSC/DCS strings, which pass to the terminal as they are. */
  | { kind: 'esc'; raw: string };

const TEXT = /[^\x00-\x1f\x7f-\x9f]+/y;
const C1 = /[\x80-\x9f]+/y;
const CSI = /\x1b\[([<=>?]*)([0-9:;]*)([\x20-\x2f]*)([\x40-\x7e])/y;
const CSI_PREFIX = /\x1b\[[\x20-\x3f]*$/;
const ESCAPE = /\x1b[\x20-\x2f]*[\x30-\x7e]/y;
/** OSC, DCS, SOS, PM, APC: a string up to BEL (OSC only) or ST. */
const STRING = /\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x9c|\x1b\\)/y;
const STRING_START = /^\x1b[\]PX^_]/;

export class EscapeTokenizer {
  private held = '';

  /** The tokens of `chunk`, after anything held from the previous chunk. */
  feed(chunk: string): Token[] {
    const text = this.held + chunk;
    this.held = '';
    const tokens: Token[] = [];
    let i = 0;
    const match = (pattern: RegExp) => {
      pattern.lastIndex = i;
      return pattern.exec(text);
    };
    while (i < text.length) {
      const code = text.charCodeAt(i);
      let m: RegExpExecArray | null;
      if (code !== 0x1b) {
        if ((m = match(TEXT))) tokens.push({ kind: 'text', text: m[0] });
        // C1 controls would be taken as controls by some terminals: drop them.
        else if ((m = match(C1))) { /* dropped */ } else {
          tokens.push({ kind: 'control', char: text[i] });
          i++;
          continue;
        }
        i += m[0].length;
        continue;
      }
      const next = text[i + 1];
      if (next === '[') m = match(CSI);
      else if (next !== undefined && STRING_START.test(text.slice(i, i + 2))) m = match(STRING);
      else m = match(ESCAPE);
      if (m) {
        tokens.push(next === '[' ? { kind: 'csi', raw: m[0], prefix: m[1], params: m[2], intermediates: m[3], final: m[4] } : { kind: 'esc', raw: m[0] });
        i += m[0].length;
      } else if (this.unfinished(text.slice(i))) {
        this.held = text.slice(i);
        break;
      } else {
        // Malformed: the ESC alone goes through; what follows is read afresh.
        tokens.push({ kind: 'esc', raw: '\x1b' });
        i++;
      }
    }
    return tokens;
  }

  /** Whether `rest` (starting with ESC) could still become a sequence when more arrives. */
  private unfinished(rest: string): boolean {
    if (rest.length === 1) return true;
    if (rest[1] === '[') return CSI_PREFIX.test(rest);
    if (STRING_START.test(rest)) return !/[\x07\x9c]|\x1b[^\\]/.test(rest.slice(2)) && rest.length < 65536;
    return /^\x1b[\x20-\x2f]*$/.test(rest);
  }
}
