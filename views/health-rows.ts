// The health pane's table: one row per check, columns that shrink with the width, and the
// words each cell holds. Pure, so the layout is testable without rendering.
import { displayState, type CheckStatus } from '../src/checks/check-status';
import type { HealthCheck } from '../src/health/check-list';
import { formatDuration } from '../src/config/duration';
import { fit } from './format';

export type ShownState = ReturnType<typeof displayState>;

export const STATE_COLOR: Record<ShownState, string> = { ok: 'green', degraded: 'yellow', down: 'red', unknown: 'gray', flapping: 'magenta' };

export interface HealthLayout { name: number; service: number; latency: number; since: number; fails: number; detail: number }

/** Widths for a table `width` cells wide (the selection mark not included). */
export function healthLayout(width: number, checks: HealthCheck[]): HealthLayout {
  const longest = (values: string[], min: number, max: number) => Math.min(max, Math.max(min, ...values.map((v) => v.length)));
  const name = longest(checks.map((c) => c.id), 5, width >= 120 ? 28 : 16);
  const service = width >= 70 ? longest(checks.map((c) => c.service), 7, width >= 120 ? 20 : 10) : 0;
  const fixed = 8 + 1 + name + 1 + (service ? service + 1 : 0) + 7 + 1 + 6 + 1 + 5 + 1;
  return { name, service, latency: 7, since: 6, fails: 5, detail: Math.max(0, width - fixed) };
}

export function headerText(layout: HealthLayout): string {
  return [fit('STATE', 8), fit('CHECK', layout.name), ...(layout.service ? [fit('SERVICE', layout.service)] : []),
    fit('LATENCY', layout.latency, 'right'), fit('FOR', layout.since, 'right'), fit('FAILS', layout.fails, 'right'), 'DETAIL'].join(' ');
}

export function formatLatency(ms: number | undefined): string {
  if (ms === undefined) return '-';
  return ms < 10 ? `${ms.toFixed(1)}ms` : ms < 10_000 ? `${Math.round(ms)}ms` : `${(ms / 1000).toFixed(1)}s`;
}

/** What the last column says: the error in words when failing, else the chosen body fields. */
export function detailText(status: CheckStatus | undefined, pending: boolean): string {
  const prefix = pending ? 'checking... ' : '';
  if (!status) return `${prefix}${pending ? '' : 'waiting for the first result'}`;
  const result = status.lastResult;
  const fields = Object.entries(result?.fields ?? {}).map(([k, v]) => `${k}=${v}`).join(' ');
  if (status.flapping) return `${prefix}${status.recent.join(' ')}${status.lastError ? `; last error: ${status.lastError}` : ''}`;
  if (result?.error) return `${prefix}${result.error}${fields ? `; ${fields}` : ''}`;
  return `${prefix}${fields || (result?.detail ? Object.entries(result.detail).map(([k, v]) => `${k}=${v}`).join(' ') : '')}`;
}

export interface HealthCells { state: ShownState; text: string[] }

export function rowCells(layout: HealthLayout, check: HealthCheck, status: CheckStatus | undefined, pending: boolean, now: number, ellipsis: string): HealthCells {
  const state: ShownState = status ? displayState(status) : 'unknown';
  return {
    state,
    text: [
      fit(state, 8, 'left', ellipsis),
      fit(check.id, layout.name, 'left', ellipsis),
      ...(layout.service ? [fit(check.service, layout.service, 'left', ellipsis)] : []),
      fit(formatLatency(status?.lastLatencyMs), layout.latency, 'right'),
      fit(status ? formatDuration(Math.max(0, now - status.since)) : '-', layout.since, 'right'),
      fit(status ? String(status.consecutiveFailures) : '-', layout.fails, 'right'),
      fit(detailText(status, pending), layout.detail, 'left', ellipsis),
    ],
  };
}

/** "3 ok · 1 down": the title's summary, worst first. */
export function summary(checks: HealthCheck[], status: (id: string) => CheckStatus | undefined, separator = ' · '): string {
  const counts = new Map<ShownState, number>();
  for (const check of checks) {
    const s = status(check.id);
    const state = s ? displayState(s) : 'unknown';
    counts.set(state, (counts.get(state) ?? 0) + 1);
  }
  const order: ShownState[] = ['down', 'flapping', 'degraded', 'unknown', 'ok'];
  return order.filter((s) => counts.get(s)).map((s) => `${counts.get(s)} ${s}`).join(separator);
}
