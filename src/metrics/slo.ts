import type { ServiceStats } from './service-stats';

export interface Slo {
  /** p95 latency must stay under this many ms. */
  p95Ms: number;
  /** Share of 5xx answers must stay under this (0.01 = 1 %). */
  errorRate: number;
}

/** The seed stack's SLOs: p95 < 800 ms, error rate < 1 %. */
export const DEFAULT_SLO: Slo = { p95Ms: 800, errorRate: 0.01 };

export interface SloJudgement {
  state: 'ok' | 'breach' | 'unknown';
  breaches: string[];
}

export function judgeSlo(stats: ServiceStats, slo: Slo = DEFAULT_SLO): SloJudgement {
  const breaches: string[] = [];
  const p95Ms = stats.p95 * 1000;
  if (p95Ms >= slo.p95Ms) breaches.push(`p95 ${formatMs(p95Ms)} (SLO < ${formatMs(slo.p95Ms)})`);
  if (stats.errorRate >= slo.errorRate) {
    breaches.push(`error rate ${percent(stats.errorRate)} (SLO < ${percent(slo.errorRate)})`);
  }
  if (breaches.length > 0) return { state: 'breach', breaches };
  const known = !Number.isNaN(stats.p95) || !Number.isNaN(stats.errorRate);
  return { state: known ? 'ok' : 'unknown', breaches };
}

function formatMs(ms: number): string {
  return `${Math.round(ms)} ms`;
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10} %`;
}
