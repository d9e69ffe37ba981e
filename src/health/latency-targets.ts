// The services whose latency is shown: those under `metrics:` in the config, plus any whose
// containers carry an `opsdeck.metrics` label with their /metrics URL.
import type { Slo } from '../metrics/slo';
import type { Instance } from '../runtime/types';
import type { MetricsTargetConfig } from './config-schema';

export const METRICS_LABEL = 'opsdeck.metrics';

export interface LatencyTarget {
  service: string;
  /** The /metrics URL; absent when Prometheus is asked instead. */
  url?: string;
  histogram?: string;
  requests?: string;
  /** The job label selecting the service in Prometheus. */
  job: string;
  windowMs: number;
  intervalMs: number;
  timeoutMs: number;
  slo: Slo;
  origin: 'config' | 'label';
}

const LABEL_DEFAULTS = { windowMs: 60_000, intervalMs: 5_000, timeoutMs: 5_000 };

export function configuredTargets(metrics: Record<string, MetricsTargetConfig>, slo: Slo): LatencyTarget[] {
  return Object.entries(metrics).map(([service, m]) => ({
    service, url: m.url, histogram: m.histogram, requests: m.requests, job: m.job ?? service,
    windowMs: m.window, intervalMs: m.interval, timeoutMs: m.timeout,
    slo: { p95Ms: m.slo?.p95 ?? slo.p95Ms, errorRate: m.slo?.error_rate ?? slo.errorRate }, origin: 'config',
  }));
}

export function labelledTargets(instances: Instance[], taken: ReadonlySet<string>, slo: Slo): LatencyTarget[] {
  const out = new Map<string, LatencyTarget>();
  for (const instance of instances) {
    const url = instance.labels?.[METRICS_LABEL]?.trim();
    if (!url || out.has(instance.service) || taken.has(instance.service)) continue;
    out.set(instance.service, { service: instance.service, url, job: instance.service, slo, origin: 'label', ...LABEL_DEFAULTS });
  }
  return [...out.values()].sort((a, b) => a.service.localeCompare(b.service));
}

export function allTargets(configured: LatencyTarget[], instances: Instance[], slo: Slo): LatencyTarget[] {
  return [...configured, ...labelledTargets(instances, new Set(configured.map((t) => t.service)), slo)];
}
