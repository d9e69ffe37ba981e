// A tiny sparkline for the lag trend: block characters, or an ASCII ramp without UTF-8.
const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const ASCII = ['_', '.', '-', '~', '=', '+', '*', '#'];

/** The last `width` values as one character each, scaled from 0 to their maximum. */
export function lagSparkline(values: readonly number[], width: number, unicode: boolean): string {
  if (width <= 0) return '';
  const ramp = unicode ? BLOCKS : ASCII;
  const shown = values.slice(-width);
  const max = Math.max(0, ...shown);
  const chars = shown.map((value) => {
    if (max <= 0 || value <= 0) return ramp[0];
    return ramp[Math.min(ramp.length - 1, Math.max(1, Math.ceil((value / max) * (ramp.length - 1))))];
  });
  return chars.join('').padStart(Math.min(width, shown.length));
}
