// string-width measures anything beyond printable ASCII by walking Intl.Segmenter's graphemes and
// testing each against Unicode-property regexes: ~55 µs for a 100-column log row whose only other
// character is the box-drawing separator (~1.4 µs here), and every new log row on screen is
// measured. A string made only of characters that are a grapheme on their own is as wide as the
// sum of its characters' widths; those are looked up one character at a time. Ink's bundled string-width is
// patched to ask this first (scripts/ink-frame-patches.mjs).

/**
 * Characters that are a grapheme on their own whatever follows them, so long as what follows is
 * one too: not marks, joiners or other format characters, not Hangul jamo, the few "prepend" and
 * spacing-mark letters, or anything outside the BMP (emoji, flags).
 */
export const ALONE = '[^\\p{M}\\p{Cf}\\p{Cc}\\u{10000}-\\u{10ffff}\\ud800-\\udfff\\u1100-\\u11ff\\ua960-\\ua97f\\ud7b0-\\ud7ff\\uff9e\\uff9f\\u0e33\\u0eb3\\u0600-\\u0605\\u06dd\\u070f\\u0890\\u0891\\u08e2\\u0d4e]';
const ALL_ALONE = new RegExp(`^${ALONE}*$`, 'u');

/** Whether every character of `text` stands alone as a grapheme (the regex runs out of stack past ~5 million characters). */
export const allAlone = (text: string): boolean => text.length <= 1_000_000 && ALL_ALONE.test(text);

const widths = new Map<string, number>();

/** Columns one glyph takes, measured by `measure` (string-width's grapheme walk) once. */
export function glyphWidth(glyph: string, measure: (glyph: string) => number): number {
  let width = widths.get(glyph);
  if (width === undefined) {
    if (widths.size > 4096) widths.clear();
    widths.set(glyph, (width = measure(glyph)));
  }
  return width;
}

/** Columns the character at `i` of a string whose characters stand alone takes. */
export function columnsAt(text: string, i: number, measure: (glyph: string) => number): number {
  return text.charCodeAt(i) < 0x7f ? 1 : glyphWidth(text[i], measure);
}

/**
 * Columns `text` takes if every character of it stands alone (`measure` measuring the ones
 * beyond ASCII, each once), or undefined: then only a grapheme walk can tell.
 */
export function aloneWidth(text: string, measure: (char: string) => number): number | undefined {
  if (!allAlone(text)) return undefined;
  let width = 0;
  for (let i = 0; i < text.length; i++) width += columnsAt(text, i, measure);
  return width;
}
