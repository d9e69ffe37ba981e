// Figures of the latency pane and of `status`: seconds as ms or s, shares as percent, rates
// per second; NaN (not known yet) is a dash.
import type { ServiceStats } from '../src/metrics/service-stats';
import type { Slo } from '../src/metrics/slo';

export function formatSeconds(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '-';
  const ms = seconds * 1000;
  if (ms < 10) return `${ms.toFixed(1)}ms`;
  if (ms < 1000) return `${Math.round(ms)}ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)}s`;
}

export function formatShare(share: number | undefined): string {
  if (share === undefined || !Number.isFinite(share)) return '-';
  const pct = share * 100;
  const text = pct === 0 ? '0' : pct < 10 ? pct.toFixed(2) : pct.toFixed(1);
  return `${text.includes('.') ? text.replace(/\.?0+$/, '') : text}%`;
}

export function formatRate(rate: number | undefined): string {
  if (rate === undefined || !Number.isFinite(rate)) return '-';
  return rate < 10 ? rate.toFixed(2) : rate < 1000 ? rate.toFixed(1) : Math.round(rate).toString();
}

export type Verdict = 'ok' | 'warn' | 'breach' | 'unknown';

/** Against an objective: at or over it is a breach, over 80 % of it a warning. */
export function verdict(value: number, target: number): Verdict {
  if (!Number.isFinite(value)) return 'unknown';
  if (value >= target) return 'breach';
  return value >= target * 0.8 ? 'warn' : 'ok';
}

export function p95Verdict(stats: ServiceStats | undefined, slo: Slo): Verdict {
  return verdict((stats?.p95 ?? NaN) * 1000, slo.p95Ms);
}

export function errorVerdict(stats: ServiceStats | undefined, slo: Slo): Verdict {
  return verdict(stats?.errorRate ?? NaN, slo.errorRate);
}

export const VERDICT_COLOR: Record<Verdict, string | undefined> = { ok: 'green', warn: 'yellow', breach: 'red', unknown: undefined };
