// Column layouts for the lag pane: columns are dropped by priority until the rest fit, and
// flexible ones (names, ids) take what is left.
import { formatDuration } from '../src/config/duration';
import { fit } from './format';
import { sanitize } from '../src/text/sanitize';

export interface Column<K extends string = string> {
  key: K;
  title: string;
  width: number;
  align?: 'left' | 'right';
  /** Higher stays longer when space runs out. */
  priority: number;
  /** Grows up to this width when there is room. */
  max?: number;
}

export function layout<K extends string>(columns: Column<K>[], width: number): Column<K>[] {
  let kept = [...columns];
  const need = (cols: Column<K>[]) => cols.reduce((sum, c) => sum + c.width, 0) + Math.max(0, cols.length - 1);
  while (kept.length > 1 && need(kept) > width) {
    const lowest = kept.reduce((low, c) => (c.priority < low.priority ? c : low));
    kept = kept.filter((c) => c !== lowest);
  }
  let spare = Math.max(0, width - need(kept));
  return kept.map((c) => {
    if (!c.max || spare <= 0) return c;
    const grow = Math.min(spare, c.max - c.width);
    spare -= grow;
    return { ...c, width: c.width + grow };
  });
}

export function headerText(columns: Column[]): string {
  return columns.map((c) => fit(c.title, c.width, c.align)).join(' ');
}

/** Group names, consumer and client ids come from Kafka clients: sanitised like container output. */
export function cell(column: Column, text: string, ellipsis: string): string {
  return fit(sanitize(text, { keepColor: false }), column.width, column.align, ellipsis);
}

export const GROUP_COLUMNS: Column<'group' | 'state' | 'members' | 'lag' | 'max' | 'time' | 'reported' | 'status' | 'trend'>[] = [
  { key: 'group', title: 'GROUP', width: 14, max: 32, priority: 10 },
  { key: 'state', title: 'STATE', width: 11, priority: 9 },
  { key: 'members', title: 'MEMBERS', width: 7, align: 'right', priority: 6 },
  { key: 'lag', title: 'LAG', width: 8, align: 'right', priority: 10 },
  { key: 'max', title: 'MAX', width: 8, align: 'right', priority: 3 },
  { key: 'time', title: 'TIME-LAG', width: 8, align: 'right', priority: 8 },
  { key: 'reported', title: 'APP-LAG', width: 8, align: 'right', priority: 2 },
  { key: 'status', title: 'STATUS', width: 6, priority: 9 },
  { key: 'trend', title: 'TREND', width: 8, max: 20, priority: 5 },
];

export const PARTITION_COLUMNS: Column<'topic' | 'partition' | 'current' | 'end' | 'lag' | 'consumer' | 'host' | 'client'>[] = [
  { key: 'topic', title: 'TOPIC', width: 16, max: 30, priority: 10 },
  { key: 'partition', title: 'PARTITION', width: 9, align: 'right', priority: 10 },
  { key: 'current', title: 'CURRENT-OFFSET', width: 14, align: 'right', priority: 9 },
  { key: 'end', title: 'LOG-END-OFFSET', width: 14, align: 'right', priority: 9 },
  { key: 'lag', title: 'LAG', width: 8, align: 'right', priority: 10 },
  { key: 'consumer', title: 'CONSUMER-ID', width: 11, max: 60, priority: 5 },
  { key: 'host', title: 'HOST', width: 11, max: 16, priority: 4 },
  { key: 'client', title: 'CLIENT-ID', width: 10, max: 24, priority: 3 },
];

export const PLAN_COLUMNS: Column<'topic' | 'partition' | 'before' | 'after' | 'skipped' | 'replayed'>[] = [
  { key: 'topic', title: 'TOPIC', width: 16, max: 30, priority: 10 },
  { key: 'partition', title: 'PARTITION', width: 9, align: 'right', priority: 10 },
  { key: 'before', title: 'BEFORE', width: 12, align: 'right', priority: 9 },
  { key: 'after', title: 'AFTER', width: 12, align: 'right', priority: 9 },
  { key: 'skipped', title: 'SKIPPED', width: 12, align: 'right', priority: 9 },
  { key: 'replayed', title: 'REPLAYED', width: 10, align: 'right', priority: 2 },
];

/** "-" when unknown; "≥5m" when the commit predates what the table remembers. */
export function formatTimeLag(ms: number | undefined, atLeast: boolean, unicode: boolean): string {
  if (ms === undefined) return '-';
  return `${atLeast ? (unicode ? '≥' : '>=') : ''}${ms < 60_000 ? `${Math.round(ms / 1000)}s` : formatDuration(ms)}`;
}

export const formatOffset = (value: number | undefined) => (value === undefined ? '-' : String(value));

export const formatLagCount = (value: number | undefined) => (value === undefined ? '-' : value.toLocaleString('en-US'));
