// Renders an Ink tree through the screen-diffing stdout into a fake terminal, keeping both byte
// streams: what Ink wrote and what reached the terminal. Replaying either into a terminal model
// (or into tmux) shows the screen a user would see.
import { EventEmitter } from 'node:events';
import { render, type Instance } from 'ink';
import type { ReactElement } from 'react';
import { DiffingStdout } from '../../src/terminal/diffing-stdout';
import { EscapeTokenizer } from '../../src/terminal/escape-tokens';
import { VirtualTerminal } from '../../src/terminal/virtual-terminal';
import { WIDE_TAIL } from '../../src/terminal/screen-grid';
import { KeyboardStdin } from './ink';

/** A write, or the terminal taking a new size at that point of the stream. */
export type Chunk = string | { columns: number; rows: number };

export class FakeTerminal extends EventEmitter {
  isTTY = true;
  writable = true;
  writableEnded = false;
  destroyed = false;
  written: Chunk[] = [];
  constructor(public columns: number, public rows: number) {
    super();
  }
  write(data: string, callback?: () => void): boolean {
    this.written.push(String(data));
    callback?.();
    return true;
  }
  resize(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
  /** Everything written since `from` (an index into `written`). */
  since(from: number): string {
    return this.written.slice(from).filter((c) => typeof c === 'string').join('');
  }
}

export function diffedTerminal(columns: number, rows: number): { terminal: FakeTerminal; stdout: DiffingStdout; inkWrites: Chunk[] } {
  const terminal = new FakeTerminal(columns, rows);
  const inkWrites: Chunk[] = [];
  // Registered before the DiffingStdout follows the size, so both streams mark a resize before
  // anything drawn at the new size.
  terminal.on('resize', () => {
    inkWrites.push({ columns: terminal.columns, rows: terminal.rows });
    terminal.written.push({ columns: terminal.columns, rows: terminal.rows });
  });
  const stdout = new DiffingStdout(terminal as unknown as NodeJS.WriteStream);
  const write = stdout.write.bind(stdout);
  stdout.write = (data, ...rest) => {
    inkWrites.push(String(data));
    return write(data, ...rest);
  };
  return { terminal, stdout, inkWrites };
}

/** Ink rendering `tree` through a DiffingStdout; incremental, as the cockpit renders (`incremental: false`: every frame whole). */
export function renderDiffed(tree: ReactElement, columns: number, rows: number, { incremental = true } = {}) {
  const { terminal, stdout, inkWrites } = diffedTerminal(columns, rows);
  const instance: Instance = render(tree, {
    stdout: stdout as unknown as NodeJS.WriteStream, stdin: new KeyboardStdin() as unknown as NodeJS.ReadStream,
    alternateScreen: true, incrementalRendering: incremental, interactive: true, patchConsole: false, exitOnCtrlC: false,
  });
  return { terminal, inkWrites, instance };
}

/** A terminal model that has been sent `chunks`. */
export function replay(chunks: Chunk[], columns: number, rows: number): VirtualTerminal {
  const terminal = new VirtualTerminal(columns, rows);
  const tokenizer = new EscapeTokenizer();
  for (const chunk of chunks) {
    if (typeof chunk !== 'string') terminal.resize(chunk.columns, chunk.rows);
    else for (const token of tokenizer.feed(chunk)) terminal.apply(token);
  }
  return terminal;
}

/** The screen as text, a style change written as {sgr parameters} before the cell it starts at. */
export function screenOf(terminal: VirtualTerminal): string[] {
  return terminal.grid.rows.map((row) => {
    let line = '';
    let style = '';
    row.chars.forEach((char, c) => {
      if (char === WIDE_TAIL) return;
      if (row.styles[c] !== style) line += `{${(style = row.styles[c])}}`;
      line += char;
    });
    return line;
  });
}
