// Ink's bundled string-width asks aloneWidth first: where it answers, it must answer what the
// grapheme walk would, or rows are cut and padded at the wrong column.
import { describe, it, expect } from 'vitest';
import stringWidth from 'string-width';
import { aloneWidth } from '../src/terminal/alone-width';

const measure = (text: string) => aloneWidth(text, stringWidth);

describe('aloneWidth', () => {
  it('measures a log row with a box-drawing separator, wide letters and ambiguous ones', () => {
    expect(measure('api    │GET /v1/predict 200')).toBe(27);
    expect(measure('漢字│ｶﾅ│한국')).toBe(4 + 1 + 2 + 1 + 4);
    expect(measure('±½·→')).toBe(4);
  });

  it('leaves to the grapheme walk what only it can tell', () => {
    for (const text of ['e\u0301', '👩‍💻', '❤\ufe0f', '\u1100\u1161', 'ｶﾞ', '🇩🇪', 'a\u200db', '\u0600a']) expect(measure(text), text).toBeUndefined();
  });

  it('agrees with string-width for every character of the BMP beside another', () => {
    const pool = ['a', '漢', '한', '│', 'ｶ', '\u0915', 'ก', 'ب', '±', '\u3164', '→', '▾'];
    const wrong: string[] = [];
    for (let code = 0x20; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCharCode(code);
      for (const text of [char + pool[code % pool.length], pool[(code >> 4) % pool.length] + char + char]) {
        const width = measure(text);
        if (width !== undefined && width !== stringWidth(text)) wrong.push(`U+${code.toString(16)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
