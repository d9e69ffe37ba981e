// The screen-diffing stdout: what reaches the terminal must show the same screen as Ink's own
// output would, in far fewer bytes, and leave the terminal as Ink leaves it.
import { describe, it, expect } from 'vitest';
import React from 'react';
import { Box, Text } from 'ink';
import { diffedTerminal, renderDiffed, replay, screenOf, type Chunk } from './harness/diffed-ink';
import { Table } from './harness/busy-table';

const BEGIN_SYNC = '\x1b[?2026h';
const END_SYNC = '\x1b[?2026l';

function expectSameScreen(terminal: { written: Chunk[] }, inkWrites: Chunk[], columns: number, rows: number) {
  expect(screenOf(replay(terminal.written, columns, rows))).toEqual(screenOf(replay(inkWrites, columns, rows)));
}

describe('the screen-diffing stdout under Ink', () => {
  it('shows what Ink drew, frame after frame, and restores the terminal on unmount', async () => {
    const { terminal, inkWrites, instance } = renderDiffed(<Table tick={0} />, 60, 12);
    await instance.waitUntilRenderFlush();
    expect(terminal.since(0)).toContain('\x1b[?1049h');
    expectSameScreen(terminal, inkWrites, 60, 12);
    expect(screenOf(replay(terminal.written, 60, 12)).join('\n')).toContain('調度器');
    for (let tick = 1; tick <= 6; tick++) {
      const before = terminal.written.length;
      const inkBefore = inkWrites.length;
      instance.rerender(<Table tick={tick} />);
      await instance.waitUntilRenderFlush();
      expectSameScreen(terminal, inkWrites, 60, 12);
      const sent = terminal.since(before);
      // Ink's synchronized-output markers still frame each frame.
      expect(sent.startsWith(BEGIN_SYNC) && sent.endsWith(END_SYNC)).toBe(true);
      expect(sent.length).toBeLessThan(inkWrites.slice(inkBefore).join('').length);
    }
    instance.unmount();
    await instance.waitUntilExit();
    const all = terminal.since(0);
    const left = all.lastIndexOf('\x1b[?1049l');
    expect(left).toBeGreaterThan(all.lastIndexOf('\x1b[?1049h'));
    expect(all.slice(left)).toContain('\x1b[?25h');
  });

  it('shows what Ink drew when Ink writes each frame whole, and a frame cut short', async () => {
    const { terminal, inkWrites, instance } = renderDiffed(<Table tick={0} />, 60, 12, { incremental: false });
    await instance.waitUntilRenderFlush();
    for (const tick of [1, 2, 2, 3, 5, 8, 13]) {
      instance.rerender(<Table tick={tick} />);
      await instance.waitUntilRenderFlush();
      expectSameScreen(terminal, inkWrites, 60, 12);
    }
    // Fewer lines than the screen: the rows below the new frame are erased.
    instance.rerender(<Box flexDirection="column"><Text>{'\x1b[31mshort\x1b[39m'}</Text><Text>frame</Text></Box>);
    await instance.waitUntilRenderFlush();
    expectSameScreen(terminal, inkWrites, 60, 12);
    expect(screenOf(replay(terminal.written, 60, 12)).slice(2).every((row) => row.trim() === '' || row === `{}${' '.repeat(60)}`)).toBe(true);
    instance.rerender(<Table tick={21} />);
    await instance.waitUntilRenderFlush();
    expectSameScreen(terminal, inkWrites, 60, 12);
    instance.unmount();
  });

  it('sends a fraction of Ink\'s bytes when only a counter on each row changes', async () => {
    const Stats = ({ tick }: { tick: number }) => (
      <Box flexDirection="column" height={12}>
        {['api', 'worker', 'ingestor', 'db'].map((name, i) => (
          <Text key={name}>{`${name.padEnd(10)} running  healthy  ${((tick + i) % 9) + 1}.0%  120 MiB  127.0.0.1:8080->80/tcp`}</Text>
        ))}
      </Box>
    );
    const { terminal, inkWrites, instance } = renderDiffed(<Stats tick={0} />, 80, 12);
    await instance.waitUntilRenderFlush();
    const before = terminal.written.length;
    const inkBefore = inkWrites.length;
    for (let tick = 1; tick <= 5; tick++) {
      instance.rerender(<Stats tick={tick} />);
      await instance.waitUntilRenderFlush();
    }
    expectSameScreen(terminal, inkWrites, 80, 12);
    expect(terminal.since(before).length * 3).toBeLessThan(inkWrites.slice(inkBefore).join('').length);
    instance.unmount();
  });

  it('redraws in full at a new size, and the screen is what Ink drew for that size', async () => {
    const { terminal, inkWrites, instance } = renderDiffed(<Table tick={1} />, 60, 12);
    await instance.waitUntilRenderFlush();
    for (const [columns, rows] of [[44, 10], [70, 14], [30, 8]]) {
      const before = terminal.written.length;
      terminal.resize(columns, rows);
      await instance.waitUntilRenderFlush();
      await new Promise((r) => setTimeout(r, 50));
      await instance.waitUntilRenderFlush();
      expect(terminal.since(before)).toContain('\x1b[H\x1b[J');
      const screen = screenOf(replay(terminal.written, columns, rows));
      expect(screen).toEqual(screenOf(replay(inkWrites, columns, rows)));
      expect(screen[0].startsWith('╭')).toBe(true);
      expect(screen[rows - 1].startsWith('╰')).toBe(true);
    }
    instance.unmount();
  });
});

describe('the screen-diffing stdout, byte by byte', () => {
  const enter = '\x1b[?1049h\x1b[?25l';
  // As Ink draws a line: the text, then an erase of whatever the last frame left to its right.
  const frame = (lines: string[]) => BEGIN_SYNC + '\x1b[H' + lines.map((l) => `${l}\x1b[K`).join('\n') + END_SYNC;

  it('sends one changed cell as a move and the cell, between the sync markers', () => {
    const { terminal, stdout } = diffedTerminal(20, 3);
    stdout.write(enter);
    stdout.write(frame(['cpu \x1b[32m12%\x1b[39m', 'mem 3 MiB', 'ok']));
    const before = terminal.written.length;
    stdout.write(frame(['cpu \x1b[32m13%\x1b[39m', 'mem 3 MiB', 'ok']));
    expect(terminal.since(before)).toBe(`${BEGIN_SYNC}\x1b[1;6H\x1b[32m3\x1b[m${END_SYNC}`);
  });

  it('sends nothing at all for a frame that changes nothing', () => {
    const { terminal, stdout } = diffedTerminal(20, 3);
    stdout.write(enter);
    stdout.write(frame(['a', 'b', 'c']));
    const before = terminal.written.length;
    stdout.write(frame(['a', 'b', 'c']));
    expect(terminal.since(before)).toBe('');
  });

  it('replaces wide glyphs by narrow ones and back without leaving halves behind', () => {
    const { terminal, stdout, inkWrites } = diffedTerminal(12, 2);
    stdout.write(enter);
    for (const line of ['漢字abc', 'a漢字bc', 'ab漢c', 'e\u0301漢字', '漢字abc', '🚀 x']) {
      stdout.write(frame([line, '--']));
      expectSameScreen(terminal, inkWrites, 12, 2);
    }
  });

  it('joins runs a few cells apart rather than moving over them, and moves over longer gaps', () => {
    const { terminal, stdout } = diffedTerminal(30, 2);
    stdout.write(enter);
    stdout.write(frame(['0.1% 0.2%', '0.1% 12 MiB 0.2%']));
    const before = terminal.written.length;
    stdout.write(frame(['0.3% 0.4%', '0.3% 12 MiB 0.4%']));
    expect(terminal.since(before)).toBe(`${BEGIN_SYNC}\x1b[1;3H3% 0.4\x1b[2;3H3\x1b[15G4${END_SYNC}`);
  });

  it('erases a row that ends blank instead of writing spaces', () => {
    const { terminal, stdout } = diffedTerminal(30, 2);
    stdout.write(enter);
    stdout.write(frame(['a long line of text here', 'x']));
    const before = terminal.written.length;
    stdout.write(frame(['a', 'x']));
    expect(terminal.since(before)).toBe(`${BEGIN_SYNC}\x1b[1;3H\x1b[K${END_SYNC}`);
  });

  it('passes through what is not drawing: before the alternate screen, titles, modes, and a sequence cut in two', () => {
    const { terminal, stdout, inkWrites } = diffedTerminal(20, 2);
    stdout.write('plain \x1b[1mtext\x1b[m\n');
    expect(terminal.since(0)).toBe('plain \x1b[1mtext\x1b[m\n');
    stdout.write(enter);
    const before = terminal.written.length;
    stdout.write('\x1b]0;opsdeck\x07\x1b[?2004h\x1b[>1u');
    expect(terminal.since(before)).toBe('\x1b]0;opsdeck\x07\x1b[?2004h\x1b[>1u');
    stdout.write('\x1b[H\x1b[3');
    stdout.write('1mred\x1b[m');
    const screen = screenOf(replay(terminal.written.slice(1), 20, 2));
    expect(screen).toEqual(screenOf(replay(inkWrites.slice(1), 20, 2)));
    expect(screen[0]).toBe(`{31}red{}${' '.repeat(17)}`);
  });

  it('shows the cursor where Ink left it when Ink shows it, and hides it again', () => {
    const { terminal, stdout } = diffedTerminal(20, 3);
    stdout.write(enter);
    stdout.write(frame(['a', 'b', 'c']));
    const before = terminal.written.length;
    stdout.write('\x1b[2;4H\x1b[?25h');
    expect(terminal.since(before)).toBe('\x1b[2;4H\x1b[?25h');
    stdout.write('\x1b[?25l');
    expect(terminal.since(before)).toBe('\x1b[2;4H\x1b[?25h\x1b[?25l');
  });

  it('after leaving the alternate screen passes everything through, and re-entering starts afresh', () => {
    const { terminal, stdout } = diffedTerminal(10, 2);
    stdout.write(enter);
    stdout.write(frame(['abc', 'def']));
    stdout.write('\x1b[?25h');
    stdout.write('\x1b[?1049l');
    let before = terminal.written.length;
    stdout.write('$ shell \x1b[2J');
    expect(terminal.since(before)).toBe('$ shell \x1b[2J');
    stdout.write('\x1b[?1049h');
    before = terminal.written.length;
    stdout.write('\x1b[?25l' + frame(['abc', 'def']));
    const sent = terminal.since(before);
    expect(sent).toContain('\x1b[?25l');
    expect(screenOf(replay([sent], 10, 2))).toEqual(['abc       ', 'def       ']);
  });
});
