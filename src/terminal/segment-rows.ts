// Ink draws a frame by cutting every line it writes into one object per character (tokenised for
// its escape codes), placing them on a grid, and joining each grid row back into text. A new log
// row (every row, under a flood) was tokenised twice and made ~400 objects to come out as the
// text it went in as. Most writes need none of that: a plain line (src/terminal/plain-line.ts)
// landing where nothing else on its row was written. Such a line is kept whole, with its column
// and width, and a row made only of them is joined as text. A write that overlaps another, or is
// not plain, turns its row back into cells, Ink's way. Ink's Output is patched to use this
// (scripts/ink-frame-patches.mjs).

/** One frame's rows: each either a list of whole lines (x, width, text) or handed to Ink's cells. */
export class SegmentRows {
  private readonly rows: ((number | string)[] | null)[];
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
  toCells(y: number): readonly (number | string)[] {
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
