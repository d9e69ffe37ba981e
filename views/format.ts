export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '-';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 100 || unit === 0 ? Math.round(value) : value.toFixed(1)}${units[unit]}`;
}

export function formatPercent(value: number | undefined): string {
  return value === undefined ? '-' : `${value < 10 ? value.toFixed(1) : Math.round(value)}%`;
}

/**
 * How long something has been up, as kubectl and k9s print AGE: seconds only while it is young
 * (under 10 minutes), then coarser steps, so a long-running row does not change every second.
 */
export function formatAge(since: number | undefined, now: number): string {
  if (since === undefined) return '-';
  const s = Math.floor(Math.max(0, now - since) / 1000);
  const m = Math.floor(s / 60), h = Math.floor(s / 3600), d = Math.floor(s / 86400);
  if (s < 120) return `${s}s`;
  if (m < 10) return s % 60 ? `${m}m${s % 60}s` : `${m}m`;
  if (h < 3) return `${m}m`;
  if (h < 8) return m % 60 ? `${h}h${m % 60}m` : `${h}h`;
  if (h < 48) return `${h}h`;
  if (d < 8) return h % 24 ? `${d}d${h % 24}h` : `${d}d`;
  if (d < 730) return `${d}d`;
  return `${Math.floor(d / 365)}y`;
}

/** How often ages still shown in seconds are redrawn, all on one clock: k9s refreshes every 2 s. */
export const YOUNG_AGE_REDRAW_MS = 2000;

/**
 * Milliseconds until an age shown by formatAge is worth redrawing. Ages in seconds share one
 * 2 s clock (20 containers started 300 ms apart would otherwise each want their own frame);
 * coarser ones wait for their next change plus a tenth of its step, so containers started a few
 * seconds apart (compose up) share one frame a minute.
 */
export function msUntilAgeRedraw(ageMs: number, now: number): number {
  if (ageMs < 600_000) return YOUNG_AGE_REDRAW_MS - (now % YOUNG_AGE_REDRAW_MS);
  const step = ageMs < 8 * 3_600_000 ? 60_000 : ageMs < 8 * 86_400_000 ? 3_600_000 : 86_400_000;
  return step - (ageMs % step) + step / 10;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** Pads or cuts `text` to exactly `width` cells (ASCII-width assumption for table cells). */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left', ellipsis = '…'): string {
  if (width <= 0) return '';
  if (text.length > width) return width === 1 ? text.slice(0, 1) : `${text.slice(0, width - 1)}${ellipsis}`;
  return align === 'right' ? text.padStart(width) : text.padEnd(width);
}
