// Renders an Ink tree into a fixed-size fake terminal and waits for frames to change,
// rather than sleeping.
import { EventEmitter } from 'node:events';
import { render, type Instance } from 'ink';
import type { ReactElement } from 'react';
import { stripSgr } from '../../src/text/sanitize';

class SizedStdout extends EventEmitter {
  frames: string[] = [];
  isTTY = true;
  constructor(public columns: number, public rows: number) {
    super();
  }
  write = (frame: string) => {
    this.frames.push(frame);
    return true;
  };
}

/** A keyboard for Ink: what `write` gets is read as typed keys; left alone it is a quiet stdin. */
export class KeyboardStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write(data: string) {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  }
  read = () => {
    const data = this.data;
    this.data = null;
    return data;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

export interface SizedRender {
  frame(): string;
  /** Frames written so far. */
  frames(): number;
  press(keys: string): Promise<void>;
  waitForFrame(predicate: (frame: string) => boolean, what: string, timeoutMs?: number): Promise<string>;
  /** Waits until no frame has come for `quietMs`: the commits that follow a render (the hidden help is built after the first frame) are done. */
  settled(quietMs?: number): Promise<void>;
  unmount(): void;
  instance: Instance;
}

export const KEYS = { up: '\x1b[A', down: '\x1b[B', enter: '\r', escape: '\x1b', tab: '\t', backspace: '\x7f' };

export function renderSized(tree: ReactElement, columns = 80, rows = 24): SizedRender {
  const stdout = new SizedStdout(columns, rows);
  const stdin = new KeyboardStdin();
  const instance = render(tree, { stdout: stdout as never, stdin: stdin as never, debug: true, exitOnCtrlC: false, patchConsole: false });
  const frame = () => stripSgr(stdout.frames[stdout.frames.length - 1] ?? '');
  const waitForFrame = async (predicate: (f: string) => boolean, what: string, timeoutMs = 5000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (predicate(frame())) return frame();
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`timed out waiting for ${what}; last frame:\n${frame()}`);
  };
  const press = async (keys: string) => {
    const before = stdout.frames.length;
    stdin.write(keys);
    const deadline = Date.now() + 1000;
    while (stdout.frames.length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  };
  const settled = async (quietMs = 100) => {
    for (let last = -1; last !== stdout.frames.length;) { last = stdout.frames.length; await new Promise((r) => setTimeout(r, quietMs)); }
  };
  return { frame, frames: () => stdout.frames.length, press, settled, waitForFrame, unmount: () => instance.unmount(), instance };
}
