// Printable text as the terminal lays it out: grapheme clusters (a base with its combining marks,
// an emoji sequence) with the columns each takes, measured as Ink measures them.
import stringWidth from 'string-width';
import { ALONE, glyphWidth } from './alone-width';
import { lazySegmenter } from './lazy-unicode';

const segmenter = lazySegmenter(undefined, { granularity: 'grapheme' });
const ALONE_RUN = new RegExp(`${ALONE}+`, 'uy');
const ALONE_ONE = new RegExp(`^${ALONE}$`, 'u');
/** Characters that join the one after them: ZWJ, prepends, Hangul leading jamo. */
const JOINS_NEXT = /[\u200d\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u0d4e\u1100-\u115f\ua960-\ua97f]/;

function widthOf(glyph: string): number {
  return Math.min(2, glyphWidth(glyph, stringWidth));
}

/**
 * Calls `each` with every grapheme of `text` and its width in columns (0 for marks that join the
 * cell before them). Runs of characters that stand alone skip the segmenter: they are most of
 * every frame (text, box drawing, CJK).
 */
export function forEachGlyph(text: string, each: (glyph: string, width: number) => void): void {
  let i = 0;
  while (i < text.length) {
    ALONE_RUN.lastIndex = i;
    const alone = ALONE_RUN.exec(text);
    let end = alone ? i + alone[0].length : i;
    // A letter followed by a combining mark is one grapheme: leave the letter to the segmenter.
    if (end < text.length && end > i) end--;
    for (let k = i; k < end; k++) each(text[k], text.charCodeAt(k) < 0x7f ? 1 : widthOf(text[k]));
    if (end >= text.length) return;
    let stop = end + 1;
    while (stop < text.length && (!ALONE_ONE.test(text[stop]) || JOINS_NEXT.test(text[stop - 1]))) stop++;
    for (const { segment } of segmenter.segment(text.slice(end, stop))) each(segment, widthOf(segment));
    i = stop;
  }
}

/**
 * Whether terminals agree on where the cursor is after this glyph: one code point. Clusters
 * (emoji sequences, marks, flags) are measured differently by different terminals.
 */
export function isSingleCodePoint(glyph: string): boolean {
  return glyph.length === 1 || (glyph.length === 2 && glyph.codePointAt(0)! > 0xffff);
}
