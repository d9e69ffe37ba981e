// Patches that keep Unicode measuring's set-up costs off the way to the first frame; the why is
// in src/terminal/lazy-unicode.ts. Applied by scripts/dependency-patches.mjs.
import { fileURLToPath } from 'node:url';

const LAZY_UNICODE = `import { lazySegmenter as __opsdeckLazySegmenter, graphemesOf as __opsdeckGraphemesOf, lazyRgiEmoji as __opsdeckLazyRgiEmoji } from ${JSON.stringify(fileURLToPath(new URL('../src/terminal/lazy-unicode.ts', import.meta.url)))};\n`;

/** A module's own segmenter, made as it loads, is made on first use instead. */
const lazySegmenter = (file, statement) => ({ file, find: statement, replace: statement.replace('new Intl.Segmenter', '__opsdeckLazySegmenter'), prelude: LAZY_UNICODE });

export const UNICODE_START_PATCHES = [
  lazySegmenter('string-width/index.js', 'const segmenter = new Intl.Segmenter();'),
  lazySegmenter('wrap-ansi/index.js', 'const segmenter = new Intl.Segmenter();'),
  lazySegmenter('slice-ansi/tokenize-ansi.js', "const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});"),
  lazySegmenter('@alcalzone/ansi-tokenize/build/tokenize.js', 'const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });'),
  lazySegmenter('ink/build/line-update.js', "const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });"),
  // A lone character, as glyphWidth measures them one at a time, is its own grapheme.
  { file: 'string-width/index.js', find: 'for (const {segment} of segmenter.segment(string)) {', replace: 'for (const {segment} of __opsdeckGraphemesOf(segmenter, string)) {', prelude: LAZY_UNICODE },
  { file: 'string-width/index.js', find: 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;', replace: 'const rgiEmojiRegex = __opsdeckLazyRgiEmoji();', prelude: LAZY_UNICODE },
];
