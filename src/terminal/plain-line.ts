// Which lines Ink's Output can keep whole instead of cutting them into one styled object per
// character (src/terminal/segment-rows.ts), and cutting such a line by columns as a string.
// Whole, a line is read by the terminal; in cells, by Ink's tokeniser, which writes the styles
// back out. The two read alike only for the lines accepted here, which
// test/segment-rows.test.ts checks against Ink as published over random frames.
import { allAlone, columnsAt } from './alone-width';

const SGR = /\x1b\[([0-9;]*)m/g;
// Parameters as numbers without leading zeros, separated by semicolons; any other form goes to cells.
const PARAMS = /^(0|[1-9]\d*)(;(0|[1-9]\d*))*$/;
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const MAX_LINE = 4096;

// The style each code opens or ends, for the codes Ink's tokeniser reads as a terminal does (it
// takes blink, and \x1b[m, for styles that never end).
const CLOSES: Record<string, string> = { 22: 'intensity', 23: 'italic', 24: 'underline', 27: 'inverse', 28: 'hidden', 29: 'strike', 39: 'fg', 49: 'bg', 55: 'overline' };
const OPENS: Record<string, string> = { 1: 'intensity', 2: 'intensity', 3: 'italic', 4: 'underline', 7: 'inverse', 8: 'hidden', 9: 'strike', 53: 'overline' };
const colourGroup = (n: number): string | undefined =>
  (n >= 30 && n <= 37) || (n >= 90 && n <= 97) || n === 38 ? 'fg' : (n >= 40 && n <= 47) || (n >= 100 && n <= 107) || n === 48 ? 'bg' : undefined;

/** Whether the escape codes of `line` are all ones we know, none opens a style already open, and none is left open at its end. */
function closesItsStyles(line: string): boolean {
  const open = new Set<string>();
  for (const [, params] of line.matchAll(SGR)) {
    if (!PARAMS.test(params)) return false;
    const codes = params.split(';').map(Number);
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i];
      if (code === 0) open.clear();
      else if (CLOSES[code]) open.delete(CLOSES[code]);
      else {
        const group = OPENS[code] ?? colourGroup(code);
        // A style opened inside another of its kind (a colour in a coloured Text) ends both where a
        // terminal reads the end code, while Ink's cells go back to the outer one: cells decide.
        if (group === undefined || open.has(group)) return false;
        open.add(group);
        // 38;5;n and 38;2;r;g;b carry their colour in the codes after them.
        if (code === 38 || code === 48) i += codes[i + 1] === 5 ? 2 : codes[i + 1] === 2 ? 4 : Infinity;
      }
    }
  }
  return open.size === 0;
}

/**
 * Columns `line` takes if it can be kept whole: only colour and style codes, closed again by its
 * end, and characters that are each a grapheme of at least one column, none of them one Ink
 * drops. Otherwise -1: only Ink's cells can place it.
 */
export function segmentWidth(line: string, measure: (char: string) => number): number {
  // No row is this wide; a longer line (a box border Yoga made millions of columns wide) is clipped by cells.
  if (line.length > MAX_LINE) return -1;
  if (!line.includes('\x1b')) return plainWidth(line, measure);
  if (!closesItsStyles(line)) return -1;
  return plainWidth(line.replace(SGR, ''), measure);
}

function plainWidth(text: string, measure: (char: string) => number): number {
  let width = 0;
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code < 0x7f) width++;
    else ascii = false;
  }
  if (ascii) return width;
  if (!allAlone(text) || IGNORABLE.test(text)) return -1;
  width = 0;
  for (let i = 0; i < text.length; i++) {
    const w = columnsAt(text, i, measure);
    if (w < 1) return -1;
    width += w;
  }
  return width;
}

/**
 * Columns from..to of a line segmentWidth keeps whole, as Ink's sliceLineToColumns cuts it but
 * without a styled object per character: the escape codes before the cut (so the first character
 * keeps its style), the characters inside it with their codes, and the codes after it (so the
 * styles close as the line's do). Undefined where a wide character straddles an edge: Ink blanks
 * its half, so its cells do that.
 */
export function sliceColumns(line: string, from: number, to: number, measure: (char: string) => number): string | undefined {
  let before = '';
  let inside = '';
  let after = '';
  let column = 0;
  for (let i = 0; i < line.length; ) {
    if (line.charCodeAt(i) === 0x1b) {
      const end = line.indexOf('m', i) + 1;
      const code = line.slice(i, end);
      if (column < from) before += code;
      else if (column < to) inside += code;
      else after += code;
      i = end;
      continue;
    }
    const width = columnsAt(line, i, measure);
    if (column >= from && column + width <= to) inside += line[i];
    else if (column < to && column + width > from) return undefined;
    column += width;
    i++;
  }
  return before + inside + after;
}
