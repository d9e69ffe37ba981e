// string-width as dist/ bundles it makes its segmenter and its emoji regex only when text needs
// them (src/terminal/lazy-unicode.ts). It must measure every string as the published one does,
// or rows are cut and padded at the wrong column.
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import { cockpitBundle } from '../scripts/cockpit-bundle.mjs';
import { graphemesOf, lazyRgiEmoji, lazySegmenter } from '../src/terminal/lazy-unicode';

const SEQUENCES = [
  '🇩🇪', '🇺🇸x', '1️⃣', '#⃣', '*️⃣', '👩‍💻', '👨‍👩‍👧‍👦', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '👍🏽', '🏽', '❤️', '⚠️', '⚠', '☺︎', '🇦',
  '\u1100\u1161\u11a8', 'e\u0301', 'ｶﾞ', 'a\u200db', '\u0600a', '\u0915\u094d\u0937', '漢字│ok', '\ud83d', 'x\udc00y',
];
const codePoints = function* () {
  for (let code = 0; code <= 0x10ffff; code++) if (code < 0xd800 || code > 0xdfff) yield String.fromCodePoint(code);
};

describe('the RGI emoji test, built lazily', () => {
  it('answers as /^\\p{RGI_Emoji}$/v for every code point and for emoji sequences', () => {
    const rgi = new RegExp('^\\p{RGI_Emoji}$', 'v');
    const lazy = lazyRgiEmoji();
    const wrong: string[] = [];
    for (const text of [...codePoints(), ...SEQUENCES]) if (lazy.test(text) !== rgi.test(text)) wrong.push(text);
    for (const text of codePoints()) if (/\p{Emoji}/u.test(text) && lazy.test(`${text}\ufe0f`) !== rgi.test(`${text}\ufe0f`)) wrong.push(`${text}\ufe0f`);
    expect(wrong).toEqual([]);
  });
});

describe('graphemes of one code point', () => {
  it('are the code point, and longer text goes to the segmenter', () => {
    const segmenter = lazySegmenter();
    const segments = (text: string) => [...graphemesOf(segmenter, text)].map((s) => s.segment);
    expect(segments('│')).toEqual(['│']);
    expect(segments('😀')).toEqual(['😀']);
    expect(segments('e\u0301x')).toEqual(['e\u0301', 'x']);
    expect(segments('🇩🇪🇫🇷')).toEqual(['🇩🇪', '🇫🇷']);
  });
});

/** How many Intl.Segmenters `run` makes. */
async function segmentersMadeBy(run: () => unknown): Promise<number> {
  const intl = Intl as { Segmenter: typeof Intl.Segmenter };
  const Segmenter = intl.Segmenter;
  let made = 0;
  intl.Segmenter = class extends Segmenter { constructor(...args: ConstructorParameters<typeof Segmenter>) { super(...args); made++; } };
  try {
    await run();
  } finally {
    intl.Segmenter = Segmenter;
  }
  return made;
}

describe('string-width as bundled in dist/', () => {
  let bundled: typeof stringWidth;
  let madeLoading = -1;
  beforeAll(async () => {
    const outfile = 'node_modules/.cache/opsdeck-test/string-width-patched.mjs';
    await build({ ...cockpitBundle, stdin: { contents: "export { default } from 'string-width';", resolveDir: process.cwd() }, outfile });
    madeLoading = await segmentersMadeBy(async () => { bundled = (await import(pathToFileURL(outfile).href)).default; });
  }, 60_000);

  it('makes no segmenter to load, nor to measure a border, a tree and a log row', async () => {
    expect(madeLoading).toBe(0);
    expect(await segmentersMadeBy(() => {
      expect(bundled('╭─ Containers ─────╮')).toBe(20);
      expect(bundled('▾ flood (20) › svc01')).toBe(20);
      expect(bundled('api    │GET /v1/predict 200 ±½')).toBe(30);
    })).toBe(0);
  });

  it('measures every code point of planes 0 and 1 (and a sample of the rest), and emoji and combining sequences, as string-width as published', () => {
    const wrong: string[] = [];
    const sample = [...codePoints()].filter((text) => text.codePointAt(0)! < 0x20000 || text.codePointAt(0)! % 97 === 0);
    for (const text of [...sample, ...SEQUENCES]) {
      if (bundled(text) !== stringWidth(text)) wrong.push(text);
      if (bundled(text, { ambiguousIsNarrow: false }) !== stringWidth(text, { ambiguousIsNarrow: false })) wrong.push(`wide: ${text}`);
    }
    expect(wrong).toEqual([]);
  }, 60_000);
});
