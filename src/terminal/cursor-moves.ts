// The fewest bytes that move the cursor. Rows and columns count from 0.

export interface Position {
  row: number;
  column: number;
}

const csi = (n: number, final: string) => (n === 1 ? `\x1b[${final}` : `\x1b[${n}${final}`);

/** Absolute: CUP with the parameters it can leave out. */
function absolute(row: number, column: number): string {
  if (column === 0) return row === 0 ? '\x1b[H' : `\x1b[${row + 1}H`;
  return `\x1b[${row + 1};${column + 1}H`;
}

/** Along the cursor's row: CR, CHA, CUF or CUB, whichever is shortest. */
function horizontal(from: number, to: number): string {
  if (from === to) return '';
  if (to === 0) return '\r';
  const cha = `\x1b[${to + 1}G`;
  const relative = to > from ? csi(to - from, 'C') : csi(from - to, 'D');
  return relative.length < cha.length ? relative : cha;
}

/**
 * From `from` to (row, column); from an unknown position (or one waiting to wrap after the last
 * column, where relative moves differ between terminals) only an absolute move is safe.
 */
export function cursorMove(from: Position | undefined, row: number, column: number): string {
  let best = absolute(row, column);
  if (!from) return best;
  const consider = (move: string) => {
    if (move.length < best.length) best = move;
  };
  if (row === from.row) consider(horizontal(from.column, column));
  else {
    consider((row > from.row ? csi(row - from.row, 'B') : csi(from.row - row, 'A')) + horizontal(from.column, column));
    // CR LF: two bytes to the start of the next row (never from the last row, where LF scrolls).
    if (row === from.row + 1) consider('\r\n' + horizontal(0, column));
  }
  return best;
}
