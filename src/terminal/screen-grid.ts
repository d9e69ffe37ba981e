// A screen as a grid of cells: the grapheme in each cell and the key of the style it was drawn
// with. A wide glyph fills its cell and leaves '' in the cell to its right, as terminals do.

export interface Row {
  chars: string[];
  styles: string[];
}

export const WIDE_TAIL = '';

export function blankRow(columns: number, style = ''): Row {
  return { chars: new Array<string>(columns).fill(' '), styles: new Array<string>(columns).fill(style) };
}

/** Makes `target` show what `source` shows (rows of the same width), in place: a frame allocates no rows. */
export function copyRowInto(target: Row, source: Row): void {
  for (let c = 0; c < source.chars.length; c++) {
    target.chars[c] = source.chars[c];
    target.styles[c] = source.styles[c];
  }
}

export class ScreenGrid {
  rows: Row[];
  /** Rows changed since the last markClean(); a diff need look at no others. */
  dirty: boolean[];

  constructor(public columns: number, public height: number) {
    this.rows = Array.from({ length: height }, () => blankRow(columns));
    this.dirty = new Array<boolean>(height).fill(true);
  }

  markClean(): void {
    this.dirty.fill(false);
  }

  /** Draws a glyph of width 1 or 2 at (row, column), breaking up any wide glyph it lands on. */
  put(row: number, column: number, glyph: string, width: number, style: string): void {
    const { chars, styles } = this.rows[row];
    this.splitWide(row, column);
    chars[column] = glyph;
    styles[column] = style;
    if (width === 2 && column + 1 < this.columns) {
      chars[column + 1] = WIDE_TAIL;
      styles[column + 1] = style;
    }
    // The tail of a wide glyph whose head was just overwritten.
    if (chars[column + width] === WIDE_TAIL) chars[column + width] = ' ';
    this.dirty[row] = true;
  }

  /** Adds a zero-width mark to the glyph in a cell (or to the wide glyph it is the tail of). */
  join(row: number, column: number, mark: string): void {
    const { chars } = this.rows[row];
    if (chars[column] === WIDE_TAIL && column > 0) column--;
    chars[column] += mark;
    this.dirty[row] = true;
  }

  /** Blanks cells [from, to) of a row with an erase style. */
  erase(row: number, from: number, to: number, style: string): void {
    from = Math.max(0, from);
    to = Math.min(this.columns, to);
    if (from >= to) return;
    this.splitWide(row, from);
    this.splitWide(row, to);
    this.rows[row].chars.fill(' ', from, to);
    this.rows[row].styles.fill(style, from, to);
    this.dirty[row] = true;
  }

  /** Scrolls the whole screen up one row, a blank row coming in at the bottom. */
  scrollUp(style: string): void {
    this.rows.shift();
    this.rows.push(blankRow(this.columns, style));
    this.dirty.fill(true);
  }

  /**
   * A new size, as a terminal resizes its alternate screen: rows are cut or padded on the
   * right, and when rows are lost the top goes first as far as needed to keep `keepRow` on it.
   * Returns how many rows the content moved up.
   */
  resize(columns: number, height: number, keepRow: number): number {
    const shift = Math.max(0, Math.min(keepRow - height + 1, this.height - height));
    this.rows.splice(0, shift);
    this.rows.length = Math.min(this.rows.length, height);
    for (const row of this.rows) {
      if (columns < this.columns && row.chars[columns] === WIDE_TAIL) row.chars[columns - 1] = ' ';
      row.chars.length = row.styles.length = Math.min(columns, this.columns);
      if (columns > this.columns) {
        row.chars.push(...new Array<string>(columns - this.columns).fill(' '));
        row.styles.push(...new Array<string>(columns - this.columns).fill(''));
      }
    }
    while (this.rows.length < height) this.rows.push(blankRow(columns));
    this.columns = columns;
    this.height = height;
    this.dirty = new Array<boolean>(height).fill(true);
    return shift;
  }

  /** Blanks the other half of a wide glyph that a write at `column` cuts in two. */
  private splitWide(row: number, column: number): void {
    const { chars } = this.rows[row];
    if (column <= 0 || column >= this.columns || chars[column] !== WIDE_TAIL) return;
    chars[column - 1] = ' ';
    chars[column] = ' ';
  }
}
