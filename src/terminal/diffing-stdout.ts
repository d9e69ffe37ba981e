// The stdout Ink writes to. While the alternate screen is on, what Ink writes is played into a
// VirtualTerminal, and at the end of each frame (Ink's synchronized-output end marker, or the
// end of a write outside one) the real terminal gets only the cells that changed. Outside the
// alternate screen, and for sequences the model does not know, bytes go through untouched.
import { EventEmitter } from 'node:events';
import { EscapeTokenizer, type Token } from './escape-tokens';
import { ScreenPainter } from './screen-painter';
import { VirtualTerminal } from './virtual-terminal';

const BEGIN_SYNC = '\x1b[?2026h';
const END_SYNC = '\x1b[?2026l';
const ALTERNATE_SCREEN = new Set(['1049', '1047', '47']);

type Callback = (error?: Error | null) => void;

export class DiffingStdout extends EventEmitter {
  readonly isTTY = true;
  private readonly tokenizer = new EscapeTokenizer();
  private readonly decoder = new TextDecoder();
  private readonly painter = new ScreenPainter();
  /** The screen Ink is drawing, while the alternate screen is on. */
  private screen: VirtualTerminal | undefined;
  private synchronized = false;
  /** Whether the real terminal was last told to show the cursor. */
  private cursorShown = true;
  private out = '';

  constructor(private readonly terminal: NodeJS.WriteStream) {
    super();
    // Follow the terminal's size only while someone (Ink) follows ours.
    this.on('newListener', (event) => { if (event === 'resize' && this.listenerCount('resize') === 0) terminal.on('resize', this.resized); });
    this.on('removeListener', (event) => { if (event === 'resize' && this.listenerCount('resize') === 0) terminal.off('resize', this.resized); });
  }

  get columns(): number { return this.terminal.columns; }
  get rows(): number { return this.terminal.rows; }
  get writable(): boolean { return this.terminal.writable; }
  get writableEnded(): boolean { return this.terminal.writableEnded; }
  get destroyed(): boolean { return this.terminal.destroyed; }

  write(data: string | Uint8Array, encoding?: BufferEncoding | Callback, callback?: Callback): boolean {
    const done = typeof encoding === 'function' ? encoding : callback;
    const text = typeof data === 'string' ? data : this.decoder.decode(data, { stream: true });
    for (const token of this.tokenizer.feed(text)) this.take(token);
    if (!this.synchronized) this.paint();
    return this.send(done);
  }

  private take(token: Token): void {
    const raw = token.kind === 'text' ? token.text : token.kind === 'control' ? token.char : token.raw;
    if (token.kind === 'csi' && token.prefix === '?' && (token.final === 'h' || token.final === 'l')) {
      const on = token.final === 'h';
      if (ALTERNATE_SCREEN.has(token.params)) return on ? this.enterAlternateScreen(raw) : this.leaveAlternateScreen(raw);
      if (token.params === '2026' && this.screen) {
        this.synchronized = on;
        if (!on) this.paint(true);
        return;
      }
      if (token.params === '25' && !this.screen) this.cursorShown = on;
    }
    if (!this.screen?.apply(token)) this.out += raw;
  }

  private enterAlternateScreen(raw: string): void {
    this.out += raw;
    this.screen = new VirtualTerminal(this.columns || 80, this.rows || 24);
    this.screen.cursorVisible = this.cursorShown;
    this.painter.cleared(this.screen.grid.columns, this.screen.grid.height);
  }

  private leaveAlternateScreen(raw: string): void {
    this.paint(this.synchronized);
    this.out += raw;
    this.screen = undefined;
    this.synchronized = false;
    this.painter.invalidate();
  }

  /** Queues the changes since the last paint, between sync markers when Ink's frame had them. */
  private paint(synchronized = false): void {
    const screen = this.screen;
    if (!screen) return;
    let body = '';
    if (!screen.cursorVisible && this.cursorShown) body += '\x1b[?25l';
    body += this.painter.paint(screen.grid, screen.cursorVisible ? { row: screen.row, column: screen.column } : undefined);
    if (screen.cursorVisible && !this.cursorShown) body += '\x1b[?25h';
    this.cursorShown = screen.cursorVisible;
    if (body) this.out += synchronized ? BEGIN_SYNC + body + END_SYNC : body;
  }

  private send(done?: Callback): boolean {
    const data = this.out;
    this.out = '';
    if (!data && !done) return true;
    return this.terminal.write(data, done);
  }

  /** A new terminal size: the screen is kept as a terminal keeps it, then redrawn in full. */
  private resized = (): void => {
    if (this.screen) {
      this.screen.resize(this.columns || 80, this.rows || 24);
      this.painter.invalidate();
    }
    this.emit('resize');
    if (!this.synchronized) this.paint();
    this.send();
  };
}

/** Ink's stderr when it is the same terminal: its writes land on the screen Ink draws, so they go through the model too. */
class StderrIntoScreen extends EventEmitter {
  readonly isTTY = true;
  constructor(private readonly screen: DiffingStdout) {
    super();
  }
  write(data: string | Uint8Array, encoding?: BufferEncoding | Callback, callback?: Callback): boolean {
    return this.screen.write(data, encoding, callback);
  }
}

/** The stdout and stderr to give Ink's render() for a full-screen app on this terminal. */
export function diffingTerminal(stdout: NodeJS.WriteStream, stderr: NodeJS.WriteStream): { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream } {
  const screen = new DiffingStdout(stdout);
  // Ink only writes to these, reads their size and follows 'resize': what the classes provide.
  return { stdout: screen as unknown as NodeJS.WriteStream, stderr: stderr.isTTY ? new StderrIntoScreen(screen) as unknown as NodeJS.WriteStream : stderr };
}
