// The containers table, declared as data: each column says how to render a cell, how wide it
// is, and how early it is dropped when the terminal is narrow.
import type { Instance, InstanceStats } from '../src/runtime/types';
import { fit, formatAge, formatBytes, formatPercent } from './format';
import { chalkColour } from './theme';

export interface CellContext {
  stats?: InstanceStats;
  now: number;
  busy: boolean;
}

/** What the table shows of a stats sample: the CPU and MEM cells, and what sameShownStats compares. */
const SHOWN_STATS = {
  cpu: (stats?: InstanceStats) => formatPercent(stats?.cpuPercent),
  mem: (stats?: InstanceStats) => formatBytes(stats?.memBytes),
};

export interface Column {
  header: string;
  width: number;
  /** Lower stays longer when space is short. */
  priority: number;
  grow?: boolean;
  align?: 'right';
  /** Changes often (clock, stats, restarts): drawn in a run of text of its own, so a tick re-draws only that run. */
  ticking?: boolean;
  cell(instance: Instance, ctx: CellContext): string;
  color?(instance: Instance, ctx: CellContext): string | undefined;
}

function stateText(i: Instance, ctx: CellContext): string {
  if (ctx.busy) return 'working…';
  if (i.state === 'exited') return `exited(${i.exitCode ?? '?'})`;
  return i.state;
}

export const COLUMNS: Column[] = [
  { header: 'SERVICE', width: 12, priority: 0, cell: (i) => i.service },
  { header: 'CONTAINER', width: 14, priority: 4, grow: true, cell: (i) => i.name },
  {
    header: 'STATE', width: 11, priority: 0, cell: stateText,
    color: (i, ctx) => (ctx.busy ? 'yellow' : i.state === 'running' ? 'green' : i.state === 'restarting' || i.state === 'paused' ? 'yellow' : i.state === 'exited' && i.exitCode === 0 ? 'gray' : 'red'),
  },
  {
    header: 'HEALTH', width: 9, priority: 1, cell: (i) => i.health ?? '-',
    color: (i) => (i.health === 'healthy' ? 'green' : i.health === 'unhealthy' ? 'red' : i.health === 'starting' ? 'yellow' : undefined),
  },
  { header: 'UPTIME', width: 6, priority: 2, align: 'right', ticking: true, cell: (i, ctx) => (i.state === 'running' ? formatAge(i.startedAt, ctx.now) : '-') },
  { header: 'RST', width: 3, priority: 3, align: 'right', ticking: true, cell: (i) => String(i.restarts), color: (i) => (i.restarts > 0 ? 'yellow' : undefined) },
  { header: 'CPU', width: 6, priority: 2, align: 'right', ticking: true, cell: (i, ctx) => (i.state === 'running' ? SHOWN_STATS.cpu(ctx.stats) : '-') },
  { header: 'MEM', width: 7, priority: 2, align: 'right', ticking: true, cell: (i, ctx) => (i.state === 'running' ? SHOWN_STATS.mem(ctx.stats) : '-') },
  { header: 'PORTS', width: 10, priority: 5, grow: true, cell: (i) => i.ports.join(',') || '-' },
];

/**
 * Whether two stats samples would show the same table: a new sample that changes no CPU or MEM
 * cell (idle containers, most of the time) does not redraw the screen.
 */
export function sameShownStats(a: ReadonlyMap<string, InstanceStats>, b: ReadonlyMap<string, InstanceStats>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const [id, x] of a) {
    const y = b.get(id);
    if (!y || Object.values(SHOWN_STATS).some((show) => show(x) !== show(y))) return false;
  }
  return true;
}

/** The columns that fit in `width` cells (one space between columns), with the rest given to growing ones. */
export function layoutColumns(width: number, columns: Column[] = COLUMNS): { column: Column; width: number }[] {
  let chosen = [...columns];
  const needed = (cols: Column[]) => cols.reduce((sum, c) => sum + c.width, 0) + Math.max(0, cols.length - 1);
  while (chosen.length > 1 && needed(chosen) > width) {
    const drop = chosen.reduce((worst, c) => (c.priority > worst.priority ? c : worst));
    if (drop.priority === 0) break;
    chosen = chosen.filter((c) => c !== drop);
  }
  const growers = chosen.filter((c) => c.grow);
  const spare = Math.max(0, width - needed(chosen));
  return chosen.map((column) => {
    const extra = column.grow && growers.length ? Math.floor(spare / growers.length) : 0;
    return { column, width: column.width + extra };
  });
}

export function headerLine(layout: { column: Column; width: number }[]): string {
  return layout.map(({ column, width }) => fit(column.header, width, column.align)).join(' ');
}

export function cells(layout: { column: Column; width: number }[], instance: Instance, ctx: CellContext, ellipsis = '…') {
  return layout.map(({ column, width }) => ({
    text: fit(column.cell(instance, ctx), width, column.align, ellipsis),
    color: column.color?.(instance, ctx),
    ticking: column.ticking === true,
  }));
}

/** Neighbouring cells that tick alike, as runs: a row is drawn as one text per run. */
export function runsOf<T extends { ticking: boolean }>(parts: T[]): T[][] {
  const runs: T[][] = [];
  for (const part of parts) {
    const last = runs[runs.length - 1];
    if (last && last[0].ticking === part.ticking) last.push(part);
    else runs.push([part]);
  }
  return runs;
}

/**
 * A row's cells as one styled string per run (coloured through chalk, as Ink colours nested
 * <Text>s), `lead` before the first: a Text per run instead of a Text per cell.
 */
export function styledRuns(parts: { text: string; color?: string; ticking: boolean }[], color: boolean, lead: string): string[] {
  return runsOf(parts).map((run, r) => (r === 0 ? lead : '') + run.map((part, i) => {
    const text = r === 0 && i === 0 ? part.text : ` ${part.text}`;
    return color ? chalkColour(text, part.color) : text;
  }).join(''));
}
