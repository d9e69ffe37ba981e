// A terminal in memory: applies text and the escape sequences Ink writes (cursor moves, erases,
// SGR) to a ScreenGrid, as xterm or tmux would. Whatever it does not model it declines, and the
// caller passes it on to the real terminal.
import type { Token } from './escape-tokens';
import { forEachGlyph } from './glyphs';
import { ScreenGrid } from './screen-grid';
import { applySgr, DEFAULT_STYLE, eraseKey, styleKey, type Style } from './sgr-style';

type Csi = Extract<Token, { kind: 'csi' }>;

export class VirtualTerminal {
  readonly grid: ScreenGrid;
  row = 0;
  column = 0;
  /** After a glyph in the last column: the next one goes to the start of the next row. */
  private wrapPending = false;
  private pen: Style = DEFAULT_STYLE;
  private penKey = '';
  private saved = { row: 0, column: 0, pen: DEFAULT_STYLE };
  cursorVisible = true;

  constructor(columns: number, rows: number) {
    this.grid = new ScreenGrid(columns, rows);
  }

  /** Applies a token to the screen; false if it is not one this model knows. */
  apply(token: Token): boolean {
    switch (token.kind) {
      case 'text': forEachGlyph(token.text, this.print); return true;
      case 'control': return this.control(token.char);
      case 'csi': return token.intermediates === '' && this.csi(token);
      case 'esc': return this.escape(token.raw);
    }
  }

  resize(columns: number, rows: number): void {
    this.row -= this.grid.resize(columns, rows, this.row);
    this.moveTo(this.row, this.column);
  }

  private print = (glyph: string, width: number): void => {
    const { grid } = this;
    if (width === 0) {
      const column = this.wrapPending ? this.column : this.column - 1;
      if (column >= 0) grid.join(this.row, column, glyph);
      return;
    }
    if (width > grid.columns) width = 1;
    // A wide glyph that does not fit in the last column goes to the next row, as autowrap does.
    if (this.wrapPending || this.column + width > grid.columns) {
      this.lineFeed();
      this.column = 0;
    }
    grid.put(this.row, this.column, glyph, width, this.penKey);
    this.column += width;
    this.wrapPending = this.column >= grid.columns;
    if (this.wrapPending) this.column = grid.columns - 1;
  };

  private control(char: string): boolean {
    if (char === '\r') this.moveTo(this.row, 0);
    // The tty's output processing (onlcr) turns a line feed into CR LF: Ink relies on it.
    else if (char === '\n') { this.lineFeed(); this.moveTo(this.row, 0); }
    else if (char === '\v' || char === '\f') this.lineFeed();
    else if (char === '\b') this.moveTo(this.row, this.column - 1);
    else if (char === '\t') this.moveTo(this.row, (Math.floor(this.column / 8) + 1) * 8);
    else if (char === '\x07') return false;
    return true;
  }

  private csi({ prefix, params, final }: Csi): boolean {
    if (prefix === '?' && params === '25' && (final === 'h' || final === 'l')) {
      this.cursorVisible = final === 'h';
      return true;
    }
    if (prefix !== '') return false;
    const p = params.split(';').map((v) => Number.parseInt(v, 10) || 0);
    const n = p[0] || 1;
    const { row, column, grid } = this;
    switch (final) {
      case 'A': this.moveTo(row - n, column); break;
      case 'B': this.moveTo(row + n, column); break;
      case 'C': this.moveTo(row, column + n); break;
      case 'D': this.moveTo(row, column - n); break;
      case 'E': this.moveTo(row + n, 0); break;
      case 'F': this.moveTo(row - n, 0); break;
      case 'G': case '`': this.moveTo(row, n - 1); break;
      case 'd': this.moveTo(n - 1, column); break;
      case 'H': case 'f': this.moveTo((p[0] || 1) - 1, (p[1] || 1) - 1); break;
      case 'J': this.eraseScreen(p[0]); break;
      case 'K': this.eraseLine(p[0]); break;
      case 'X': grid.erase(row, column, column + n, eraseKey(this.pen)); break;
      case 'm': this.pen = applySgr(this.pen, params); this.penKey = styleKey(this.pen); break;
      case 's': this.saved = { row, column, pen: this.pen }; break;
      case 'u': this.restore(); break;
      default: return false;
    }
    return true;
  }

  private escape(raw: string): boolean {
    if (raw === '\x1b7') this.saved = { row: this.row, column: this.column, pen: this.pen };
    else if (raw === '\x1b8') this.restore();
    else if (raw === '\x1bD') this.lineFeed();
    else if (raw === '\x1bE') { this.lineFeed(); this.moveTo(this.row, 0); }
    else return false;
    return true;
  }

  private eraseLine(mode: number): void {
    const style = eraseKey(this.pen);
    if (mode === 0) this.grid.erase(this.row, this.column, this.grid.columns, style);
    else if (mode === 1) this.grid.erase(this.row, 0, this.column + 1, style);
    else if (mode === 2) this.grid.erase(this.row, 0, this.grid.columns, style);
  }

  private eraseScreen(mode: number): void {
    const style = eraseKey(this.pen);
    const { grid } = this;
    const [from, to] = mode === 0 ? [this.row + 1, grid.height] : mode === 1 ? [0, this.row] : mode === 2 ? [0, grid.height] : [0, 0];
    for (let r = from; r < to; r++) grid.erase(r, 0, grid.columns, style);
    if (mode === 0 || mode === 1) this.eraseLine(mode);
  }

  private lineFeed(): void {
    if (this.row === this.grid.height - 1) this.grid.scrollUp(eraseKey(this.pen));
    else this.row++;
    this.wrapPending = false;
  }

  private restore(): void {
    this.pen = this.saved.pen;
    this.penKey = styleKey(this.pen);
    this.moveTo(this.saved.row, this.saved.column);
  }

  private moveTo(row: number, column: number): void {
    this.row = Math.max(0, Math.min(this.grid.height - 1, row));
    this.column = Math.max(0, Math.min(this.grid.columns - 1, column));
    this.wrapPending = false;
  }
}
