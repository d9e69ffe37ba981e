import { formatDuration } from '../src/config/duration';

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

export function formatAgo(ms: number | undefined, now: number): string {
  return ms === undefined ? '-' : formatDuration(Math.max(0, now - ms));
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
