// Text is cut into the cells a terminal gives it: grapheme clusters, as Intl.Segmenter finds
// them, even where the fast path for characters that stand alone skips the segmenter.
import { describe, it, expect } from 'vitest';
import { forEachGlyph } from '../src/terminal/glyphs';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const glyphs = (text: string) => {
  const out: [string, number][] = [];
  forEachGlyph(text, (glyph, width) => out.push([glyph, width]));
  return out;
};

describe('glyphs', () => {
  it('gives each glyph the columns Ink gives it', () => {
    expect(glyphs('a│漢🚀e\u0301👩‍💻')).toEqual([['a', 1], ['│', 1], ['漢', 2], ['🚀', 2], ['e\u0301', 1], ['👩‍💻', 2]]);
  });

  it('cuts any mix of marks, joiners, jamo, prepends and emoji where the segmenter does', () => {
    const pool = ['a', 'é', '\u0301', '\u200d', '\ufe0f', '漢', '👩', '💻', '🇩', '🇪', '\u1100', '\u1161', '\u11a8', '한', '│', ' ',
      '\u0e33', '\u0600', '1', '\u302a', 'ｶ', 'ﾞ', '\u00ad', '❤', '\u093f', '\u0915'];
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let n = 0; n < 5000; n++) {
      let text = '';
      for (let i = 1 + random(8); i > 0; i--) text += pool[random(pool.length)];
      expect(glyphs(text).map(([glyph]) => glyph), JSON.stringify(text)).toEqual([...segmenter.segment(text)].map((s) => s.segment));
    }
  });
});
