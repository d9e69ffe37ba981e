// The screen-diffing stdout against a real terminal: Ink's own bytes and the diffed bytes, each
// played into a tmux pane, must leave the same cells with the same colours.
import { describe, it, expect } from 'vitest';
import React from 'react';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderDiffed, type Chunk } from './harness/diffed-ink';
import { Table } from './harness/busy-table';

const COLUMNS = 60;
const ROWS = 14;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The screen (with SGR, as capture-pane -e gives it) of a tmux pane that was sent `bytes`. */
async function tmuxScreen(bytes: string, dir: string, name: string): Promise<string> {
  const file = join(dir, `${name}.bin`);
  writeFileSync(file, bytes);
  const server = `opsdeck-diff-${process.pid}-${name}`;
  const tmux = (...a: string[]) => execFileSync('tmux', ['-L', server, ...a], { encoding: 'utf8' });
  tmux('new-session', '-d', '-s', 'main', '-x', String(COLUMNS), '-y', String(ROWS), `cat ${file}; touch ${file}.done; sleep 600`);
  try {
    const deadline = Date.now() + 10_000;
    while (!existsSync(`${file}.done`) && Date.now() < deadline) await sleep(50);
    // tmux reads the pane's output on its own schedule: wait until the screen holds still.
    let screen = tmux('capture-pane', '-e', '-p', '-t', 'main');
    for (let same = 0; same < 3 && Date.now() < deadline; await sleep(50)) {
      const now = tmux('capture-pane', '-e', '-p', '-t', 'main');
      same = now === screen ? same + 1 : 0;
      screen = now;
    }
    return screen;
  } finally {
    tmux('kill-server');
  }
}

const text = (chunks: Chunk[]) => chunks.filter((c) => typeof c === 'string').join('');

describe('the screen-diffing stdout in tmux', () => {
  it('leaves the same screen as Ink\'s own output after every frame', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opsdeck-diff-'));
    const { terminal, inkWrites, instance } = renderDiffed(<Table tick={0} />, COLUMNS, ROWS);
    try {
      await instance.waitUntilRenderFlush();
      for (let tick = 1; tick <= 4; tick++) {
        instance.rerender(<Table tick={tick} />);
        await instance.waitUntilRenderFlush();
        const ink = await tmuxScreen(text(inkWrites), dir, `ink-${tick}`);
        const diffed = await tmuxScreen(text(terminal.written), dir, `diffed-${tick}`);
        expect(ink).toContain(`tick ${tick}`);
        expect(diffed).toBe(ink);
      }
      expect(text(terminal.written).length).toBeLessThan(text(inkWrites).length);
    } finally {
      instance.unmount();
    }
  });
});
