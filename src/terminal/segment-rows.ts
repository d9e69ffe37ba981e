// Ink draws a frame by cutting every line it writes into one object per character (tokenised for
// its escape codes), placing them on a grid, and joining each grid row back into text. For a log
// row that is new on screen (every row, under a flood) that is two tokenisations and ~400 objects,
// most of what closing the help costs. Most writes need none of it: a line of plain characters
// with colour codes that close again, landing where nothing else on its row was written. Such a
// line is kept whole, with its column and width; a row made only of them is joined as text. A
// write that overlaps another, or is not plain, turns its row back into cells, Ink's way.
// Ink's Output is patched to use this (scripts/ink-frame-patches.mjs).
import { ALONE, glyphWidth } from './alone-width';

const SGR = /\x1b\[([0-9;]*)m/g;
const ALL_ALONE = new RegExp(`^${ALONE}*$`, 'u');
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const MAX_LINE = 4096;

/** Parameters that open (or, with `close`, end) a style, by the group the end code ends. */
// Only codes Ink's tokeniser reads as a terminal does (it takes blink, and \x1b[m, for styles that never end).
const CLOSES: Record<string, string> = { 22: 'intensity', 23: 'italic', 24: 'underline', 27: 'inverse', 28: 'hidden', 29: 'strike', 39: 'fg', 49: 'bg', 55: 'overline' };
const OPENS: Record<string, string> = { 1: 'intensity', 2: 'intensity', 3: 'italic', 4: 'underline', 7: 'inverse', 8: 'hidden', 9: 'strike', 53: 'overline' };
const colourGroup = (n: number): string | undefined =>
  (n >= 30 && n <= 37) || (n >= 90 && n <= 97) || n === 38 ? 'fg' : (n >= 40 && n <= 47) || (n >= 100 && n <= 107) || n === 48 ? 'bg' : undefined;

/** Whether the escape codes of `line` are all ones we know, none opens a style already open, and none is left open at its end. */
function closesItsStyles(line: string): boolean {
  const open = new Set<string>();
  for (const [, params] of line.matchAll(SGR)) {
    if (!/^(0|[1-9]\d*)(;(0|[1-9]\d*))*$/.test(params)) return false;
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
  if (!ALL_ALONE.test(text) || IGNORABLE.test(text)) return -1;
  width = 0;
  for (let i = 0; i < text.length; i++) {
    const w = text.charCodeAt(i) < 0x7f ? 1 : glyphWidth(text[i], measure);
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
    const width = line.charCodeAt(i) < 0x7f ? 1 : glyphWidth(line[i], measure);
    if (column >= from && column + width <= to) inside += line[i];
    else if (column < to && column + width > from) return undefined;
    column += width;
    i++;
  }
  return before + inside + after;
}

/** One frame's rows: each either a list of whole lines (x, width, text) or handed to Ink's cells. */
export class SegmentRows {
  private readonly rows: (unknown[] | null)[];
  constructor(height: number, private readonly width: number) {
    this.rows = Array.from({ length: height }, () => []);
  }

  /** Whether row y is still made of whole lines only. */
  holdsLines(y: number): boolean {
    return this.rows[y] !== null;
  }

  /** Keeps `text` whole at column x of row y if it fits and overlaps nothing written there. */
  take(y: number, x: number, width: number, text: string): boolean {
    const row = this.rows[y];
    if (!row || x < 0 || x + width > this.width) return false;
    for (let i = 0; i < row.length; i += 3) {
      const at = row[i] as number;
      if (x < at + (row[i + 1] as number) && at < x + width) return false;
    }
    row.push(x, width, text);
    return true;
  }

  /** Row y as cells from now on: the lines kept whole so far, for the caller to place first. */
  toCells(y: number): readonly unknown[] {
    const row = this.rows[y] ?? [];
    this.rows[y] = null;
    return row;
  }

  /** Row y's text if it is made of whole lines (trailing blanks trimmed, as Ink's rows are). */
  text(y: number): string | undefined {
    const row = this.rows[y];
    if (!row) return undefined;
    if (row.length === 0) return '';
    const order = [];
    for (let i = 0; i < row.length; i += 3) order.push(i);
    order.sort((a, b) => (row[a] as number) - (row[b] as number));
    let text = '';
    let column = 0;
    for (const i of order) {
      text += ' '.repeat((row[i] as number) - column) + (row[i + 2] as string);
      column = (row[i] as number) + (row[i + 1] as number);
    }
    return text.trimEnd();
  }
}
