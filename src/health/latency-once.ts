// Latency figures from one look, for `opsdeck status`: from Prometheus over the configured
// window when a server is configured, else from a single scrape, whose counters cover the
// time since the process started (its process_start_time_seconds gives the request rate).
import { scrapeMetrics } from '../metrics/scraper';
import { ScrapeWindow } from '../metrics/scrape-window';
import { serviceStats, type ServiceStats } from '../metrics/service-stats';
import { judgeSlo, type Slo } from '../metrics/slo';
import { messageOf } from '../checks/words';
import type { PrometheusConfig } from './config-schema';
import type { LatencyTarget } from './latency-targets';
import { queryServiceStats } from './prometheus-query';

export interface LatencyReport {
  service: string;
  source: 'scrape' | 'prometheus';
  /** What the figures cover. */
  basis: string;
  requestRate: number | null;
  errorRate: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  slo: Slo;
  verdict: 'ok' | 'breach' | 'unknown';
  breaches: string[];
  error?: string;
}

export async function latencyOnce(targets: LatencyTarget[], prometheus?: PrometheusConfig): Promise<LatencyReport[]> {
  return Promise.all(targets.map(async (target) => {
    const source = prometheus ? 'prometheus' : 'scrape';
    try {
      if (prometheus) return report(target, source, `rate over ${target.windowMs / 1000}s`, await queryServiceStats(prometheus, target));
      if (!target.url) throw new Error(`no URL: set metrics.${target.service}.url or prometheus.url`);
      const outcome = await scrapeMetrics(target.url, { timeoutMs: target.timeoutMs });
      if (!outcome.scrape) throw new Error(outcome.error ?? 'scrape failed');
      const started = outcome.scrape.samples.find((s) => s.name === 'process_start_time_seconds')?.value;
      const window = new ScrapeWindow(Number.POSITIVE_INFINITY);
      window.add({ at: started ? started * 1000 : outcome.scrape.at - 1, samples: [], families: new Map() });
      window.add(outcome.scrape);
      const stats = serviceStats(window, { histogram: target.histogram, requests: target.requests });
      return report(target, source, 'since the process started', started ? stats : { ...stats, requestRate: NaN });
    } catch (err) {
      return { ...report(target, source, '-', undefined), error: messageOf(err) };
    }
  }));
}

function report(target: LatencyTarget, source: LatencyReport['source'], basis: string, stats: ServiceStats | undefined): LatencyReport {
  const num = (n: number | undefined, scale = 1) => (n === undefined || !Number.isFinite(n) ? null : Math.round(n * scale * 1000) / 1000);
  const judged = stats ? judgeSlo(stats, target.slo) : { state: 'unknown' as const, breaches: [] };
  return {
    service: target.service, source, basis, requestRate: num(stats?.requestRate), errorRate: num(stats?.errorRate),
    p50Ms: num(stats?.p50, 1000), p95Ms: num(stats?.p95, 1000), p99Ms: num(stats?.p99, 1000),
    slo: target.slo, verdict: judged.state, breaches: judged.breaches,
  };
}
