// Two costs of measuring text that were paid before the first frame (start profile, 12-05):
// - The first Intl.Segmenter made loads ICU's break data (~14 ms); string-width, wrap-ansi,
//   slice-ansi, ansi-tokenize, Ink and glyphs.ts each made one as they loaded, and string-width
//   segmented each glyph it measured alone (Ink's tokeniser still segments the lines it splits).
// - string-width's /^\p{RGI_Emoji}$/v takes ~45 ms to compile on its first test, and the first
//   non-ASCII character measured (the panes' border) tested it.
// Their bundled copies are patched to use these instead (scripts/unicode-start-patches.mjs), so
// the costs come when text that needs them first shows up, if ever.

/** A segmenter made on its first use. */
export function lazySegmenter(locales?: string | string[], options?: Intl.SegmenterOptions): Pick<Intl.Segmenter, 'segment' | 'resolvedOptions'> {
  let made: Intl.Segmenter | undefined;
  const get = () => (made ??= new Intl.Segmenter(locales, options));
  return { segment: (text) => get().segment(text), resolvedOptions: () => get().resolvedOptions() };
}

const isOneCodePoint = (text: string) => text.length === 1 || (text.length === 2 && text.codePointAt(0)! > 0xffff);

/** A string of one code point is one grapheme: no segmenter needed. */
export function graphemesOf(segmenter: Pick<Intl.Segmenter, 'segment'>, text: string): Iterable<{ segment: string }> {
  return isOneCodePoint(text) ? [{ segment: text }] : segmenter.segment(text);
}

/** One code point is an RGI emoji when it is presented as an emoji by default; a lone flag letter is not. */
const ONE_EMOJI = new RegExp('^[\\p{Emoji_Presentation}--\\p{Regional_Indicator}]$', 'v');
/**
 * Every RGI emoji holds an Emoji character beyond ASCII, but for the keycaps (#, * or a digit,
 * then U+FE0F U+20E3): flags are regional indicators, the rest start with a pictograph or are
 * skin tones. Text with neither is not one, and the costly regex is not built for it.
 */
const MAY_BE_EMOJI = new RegExp('[\\p{Emoji}--\\p{ASCII}]|\\u20e3', 'v');

/** Tests a whole segment against \p{RGI_Emoji}, compiling that regex only for a sequence that could match. */
export function lazyRgiEmoji(): { test(text: string): boolean } {
  let rgi: RegExp | undefined;
  return {
    test: (text) => isOneCodePoint(text) ? ONE_EMOJI.test(text)
      : MAY_BE_EMOJI.test(text) && (rgi ??= new RegExp('^\\p{RGI_Emoji}$', 'v')).test(text),
  };
}
