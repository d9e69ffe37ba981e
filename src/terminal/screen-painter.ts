// Turns what the real terminal shows into a new screen by writing only the cells that differ:
// a cursor move to each run of changed cells, the run with its SGR changes, an erase for rows
// that end blank. Runs a few unchanged cells apart are joined when writing those cells costs
// less than the move over them.
import { cursorMove, type Position } from './cursor-moves';
import { isSingleCodePoint } from './glyphs';
import { blankRow, copyRowInto, ScreenGrid, WIDE_TAIL, type Row } from './screen-grid';
import { sgrTransition } from './sgr-style';

/** Tail cells worth an erase-to-end-of-line (3 bytes) rather than writing blanks. */
const ERASE_WORTH = 4;

const isBlank = (row: Row, column: number) => row.chars[column] === ' ' && row.styles[column] === '';

export class ScreenPainter {
  /** What the real terminal shows; undefined when unknown (then the next paint clears first). */
  private shown: ScreenGrid | undefined;
  private cursor: Position | undefined;
  private style = '';
  private out = '';
  private placed: Position | undefined;

  /** The real screen was just cleared (entering the alternate screen does that). */
  cleared(columns: number, rows: number): void {
    this.shown = new ScreenGrid(columns, rows);
    this.placed = undefined;
  }

  /** The real screen may hold anything now (after a resize): the next paint starts from a clear. */
  invalidate(): void {
    this.shown = undefined;
  }

  /** Bytes that make the real terminal show `next`, leaving the cursor at `cursorAt` when given. */
  paint(next: ScreenGrid, cursorAt?: Position): string {
    this.out = '';
    // Start from an absolute move: nothing else should have moved the cursor, but if it did,
    // one wrong relative move would misplace everything after it.
    this.cursor = undefined;
    let shown = this.shown;
    if (!shown || shown.columns !== next.columns || shown.height !== next.height) {
      shown = this.shown = new ScreenGrid(next.columns, next.height);
      this.clearFrom(0);
      next.dirty.fill(true);
    }
    this.clearBlankBottom(next, shown);
    for (let r = 0; r < next.height; r++) {
      if (!next.dirty[r]) continue;
      this.paintRow(r, shown.rows[r], next.rows[r]);
      copyRowInto(shown.rows[r], next.rows[r]);
    }
    next.markClean();
    this.setStyle('');
    const moved = this.out !== '' || cursorAt?.row !== this.placed?.row || cursorAt?.column !== this.placed?.column;
    if (cursorAt && moved) this.moveTo(cursorAt.row, cursorAt.column);
    this.placed = cursorAt && { ...cursorAt };
    return this.out;
  }

  /** Rows that become blank down to the bottom go in one erase-below. */
  private clearBlankBottom(next: ScreenGrid, shown: ScreenGrid): void {
    let from = next.height;
    while (from > 0 && next.rows[from - 1].chars.every((_, c) => isBlank(next.rows[from - 1], c))) from--;
    let stale = 0;
    for (let r = from; r < next.height; r++) if (!shown.rows[r].chars.every((_, c) => isBlank(shown.rows[r], c))) stale++;
    if (stale < 2) return;
    this.clearFrom(from);
    for (let r = from; r < next.height; r++) shown.rows[r] = blankRow(next.columns);
  }

  private clearFrom(row: number): void {
    this.moveTo(row, 0);
    this.setStyle('');
    this.out += '\x1b[J';
  }

  private paintRow(r: number, old: Row, row: Row): void {
    const columns = row.chars.length;
    const changed = (c: number) => old.chars[c] !== row.chars[c] || old.styles[c] !== row.styles[c];
    let blankFrom = columns;
    while (blankFrom > 0 && isBlank(row, blankFrom - 1)) blankFrom--;
    let eraseAt = -1;
    let tailChanges = 0;
    for (let c = columns - 1; c >= blankFrom; c--) if (changed(c)) { tailChanges++; eraseAt = c; }
    const end = tailChanges >= ERASE_WORTH ? eraseAt : columns;
    let c = 0;
    while (c < end && !changed(c)) c++;
    while (c < end) {
      if (row.chars[c] === WIDE_TAIL && c > 0) c--;
      this.writeCell(r, c, row);
      c += row.chars[c + 1] === WIDE_TAIL ? 2 : 1;
      let next = c;
      while (next < end && !changed(next)) next++;
      if (next >= end) break;
      if (!this.cheaperToWrite(r, c, next, row)) c = next;
    }
    if (end < columns) {
      this.moveTo(r, end);
      this.setStyle('');
      this.out += '\x1b[K';
    }
  }

  /** Whether writing the unchanged cells [from, to) costs no more than moving over them. */
  private cheaperToWrite(r: number, from: number, to: number, row: Row): boolean {
    if (!this.cursor) return false;
    const move = cursorMove(this.cursor, r, to).length;
    let cost = 0;
    let style = this.style;
    for (let c = from; c < to && cost <= move; c++) {
      const glyph = row.chars[c];
      if (glyph === WIDE_TAIL) continue;
      if (!isSingleCodePoint(glyph)) return false;
      cost += sgrTransition(style, row.styles[c]).length + Buffer.byteLength(glyph);
      style = row.styles[c];
    }
    return cost <= move;
  }

  private writeCell(r: number, c: number, row: Row): void {
    const glyph = row.chars[c];
    this.moveTo(r, c);
    this.setStyle(row.styles[c]);
    this.out += glyph;
    const column = c + (row.chars[c + 1] === WIDE_TAIL ? 2 : 1);
    // Past the last column the cursor waits to wrap; after a cluster terminals may disagree on
    // where it is. Either way the next move is absolute.
    this.cursor = column < row.chars.length && isSingleCodePoint(glyph) ? { row: r, column } : undefined;
  }

  private moveTo(row: number, column: number): void {
    if (this.cursor?.row === row && this.cursor.column === column) return;
    this.out += cursorMove(this.cursor, row, column);
    this.cursor = { row, column };
  }

  private setStyle(style: string): void {
    this.out += sgrTransition(this.style, style);
    this.style = style;
  }
}
