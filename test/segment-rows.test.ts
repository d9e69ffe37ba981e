import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { build } from 'esbuild';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { cockpitBundle } from '../scripts/cockpit-bundle.mjs';
import { forEachGlyph } from '../src/terminal/glyphs';
import { applySgr, DEFAULT_STYLE, styleKey } from '../src/terminal/sgr-style';
import { segmentWidth, sliceColumns } from '../src/terminal/plain-line';
import { SegmentRows } from '../src/terminal/segment-rows';

const node = existsSync('node_modules/.bin/node') ? 'node_modules/.bin/node' : process.execPath;

describe('lines kept whole on a row', () => {
  it('measures plain and coloured lines whose styles close, and refuses what only cells can place', () => {
    expect(segmentWidth('api  │ ok', stringWidth)).toBe(9);
    expect(segmentWidth('\x1b[31mred\x1b[39m \x1b[1;38;5;200mx\x1b[22;39m \x1b[44;97mbusy\x1b[0m', stringWidth)).toBe(10);
    expect(segmentWidth('\x1b[44;97mbusy\x1b[m', stringWidth)).toBe(-1); // Ink reads \x1b[m as a style, not a reset
    expect(segmentWidth('\x1b[36mcyan \x1b[97mwhite\x1b[39m\x1b[39m', stringWidth)).toBe(-1); // Ink goes back to cyan at the first end
    expect(segmentWidth('調度器 ok', stringWidth)).toBe(9);
    expect(segmentWidth('\x1b[31mred, never closed', stringWidth)).toBe(-1);
    expect(segmentWidth('\x1b[31mred\x1b[0m', stringWidth)).toBe(3);
    expect(segmentWidth('\x1b[38:2::1:2:3mx\x1b[39m', stringWidth)).toBe(-1); // a code form we do not parse
    expect(segmentWidth('\x1b]8;;http://x\x07link\x1b]8;;\x07', stringWidth)).toBe(-1);
    expect(segmentWidth('café'.normalize('NFD'), stringWidth)).toBe(-1); // a combining mark
    expect(segmentWidth('rocket 🚀', stringWidth)).toBe(-1); // beyond the BMP
    expect(segmentWidth('zero\u200bwidth', stringWidth)).toBe(-1); // Ink drops it
    expect(segmentWidth('tab\there', stringWidth)).toBe(-1);
  });

  it('cuts columns out of a kept line with the styles its characters had, closed as the line closes them', () => {
    const line = '\x1b[31mred\x1b[39m \x1b[1m調度器\x1b[22m ok';
    expect(sliceColumns(line, 1, 6, stringWidth)).toBe('\x1b[31med\x1b[39m \x1b[1m調\x1b[22m');
    expect(sliceColumns(line, 4, 14, stringWidth)).toBe('\x1b[31m\x1b[39m\x1b[1m調度器\x1b[22m ok');
    expect(sliceColumns(line, 0, 5, stringWidth)).toBeUndefined(); // 調 would be cut in half
  });

  it('joins a row of whole lines in column order and hands overlapping ones to cells', () => {
    const rows = new SegmentRows(2, 20);
    expect(rows.take(0, 10, 2, 'cd')).toBe(true);
    expect(rows.take(0, 2, 3, '\x1b[31mab \x1b[39m')).toBe(true);
    expect(rows.take(0, 18, 2, 'ef')).toBe(true);
    expect(rows.text(0)).toBe('  \x1b[31mab \x1b[39m     cd      ef');
    expect(rows.take(0, 19, 2, 'gh')).toBe(false); // past the row's end
    expect(rows.take(0, 11, 1, 'x')).toBe(false); // over "cd"
    expect(rows.toCells(0)).toEqual([10, 2, 'cd', 2, 3, '\x1b[31mab \x1b[39m', 18, 2, 'ef']);
    expect(rows.holdsLines(0)).toBe(false);
    expect(rows.text(0)).toBeUndefined();
    expect(rows.take(1, 0, 4, 'ok  ')).toBe(true);
    expect(rows.text(1)).toBe('ok');
  });
});

/** A frame as a terminal shows it: each glyph with the pen SGR leaves it in, trailing default blanks dropped. */
function cells(frame: string): string[][] {
  return frame.split('\n').map((line) => {
    const row: string[] = [];
    let pen = DEFAULT_STYLE;
    for (const part of line.split(/(\x1b\[[0-9;]*m)/)) {
      if (part.startsWith('\x1b[')) pen = applySgr(pen, part.slice(2, -1));
      else forEachGlyph(part, (glyph) => row.push(`${glyph}${styleKey(pen)}`));
    }
    while (row.length > 0 && row.at(-1) === ` ${styleKey(DEFAULT_STYLE)}`) row.pop();
    return row;
  });
}

async function framesOf(patched: boolean, seed: number): Promise<string[]> {
  const outfile = `node_modules/.cache/opsdeck-test/random-frames-${patched ? 'patched' : 'published'}.mjs`;
  const plugins = (cockpitBundle.plugins ?? []).filter((p) => patched || p.name !== 'dependency-patches');
  await build({ ...cockpitBundle, plugins, entryPoints: ['test/harness/random-frames.tsx'], outfile });
  const run = spawnSync(node, [outfile, String(seed), '300'], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, FORCE_COLOR: '3' } });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

describe("Ink's frames with lines kept whole (Ink as bundled in dist/)", () => {
  it('draws the same characters in the same styles as Ink as published, frame after frame', async () => {
    for (const seed of [1, 2]) {
      const [ours, published] = [await framesOf(true, seed), await framesOf(false, seed)];
      expect(ours).toHaveLength(304);
      // The frames are not empty or all alike: colour, wide glyphs and borders are on them.
      expect(new Set(published).size).toBeGreaterThan(250);
      expect(published.slice(0, 4).map((frame) => frame.replace(/\x1b\[[0-9;]*m/g, ''))).toEqual(['bold, never closed after', 'undover neath', 'api after', 'api after']);
      expect(published.join('')).toMatch(/\x1b\[3\dm[^]*調度器[^]*[╭┌]/);
      for (let n = 0; n < published.length; n++) {
        if (ours[n] === published[n]) continue;
        expect({ seed, frame: n, cells: cells(ours[n]) }).toEqual({ seed, frame: n, cells: cells(published[n]) });
      }
    }
  }, 120_000);
});
