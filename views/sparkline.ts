// A one-line chart of recent values. Block glyphs on a UTF-8 terminal, an ASCII ramp under
// LANG=C; a gap (NaN, no data) is a blank, so "no figure" never reads as "zero".
const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const ASCII = ['_', '.', ',', '-', '=', '+', '*', '#'];

export interface SparklineOptions {
  unicode: boolean;
  /** The top of the scale; default the largest value. An SLO target here keeps bars honest. */
  max?: number;
}

/** The last `width` values as `width` cells, right-aligned (newest at the right). */
export function sparkline(values: number[], width: number, options: SparklineOptions): string {
  if (width <= 0) return '';
  const ramp = options.unicode ? BLOCKS : ASCII;
  const shown = values.slice(-width);
  const finite = shown.filter(Number.isFinite);
  const top = Math.max(options.max ?? 0, ...finite, 0);
  const cells = shown.map((value) => {
    if (!Number.isFinite(value)) return ' ';
    if (top <= 0) return ramp[0];
    const level = Math.round((Math.max(0, value) / top) * (ramp.length - 1));
    return ramp[Math.min(ramp.length - 1, level)];
  });
  return cells.join('').padStart(width);
}
