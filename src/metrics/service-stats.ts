import type { MetricFamily } from './types';
import type { ScrapeWindow, SeriesIncrease } from './scrape-window';
import { bucketQuantile, type Bucket } from './quantile';
import { parseSampleValue } from './exposition-lexer';

/** Label names that hold an HTTP status, as prom-client, FastAPI instrumentators and Go's promhttp use them. */
export const STATUS_LABELS = ['status', 'code', 'status_code'];

export interface ServiceStatsOptions {
  /** Histogram family name; default: the first *_request_duration_seconds, else *_duration_seconds. */
  histogram?: string;
  /** Counter of requests; default: a *_requests_total counter with a status label, else the histogram's _count. */
  requests?: string;
}

export interface ServiceStats {
  windowSeconds: number;
  histogram?: string;
  requestsMetric?: string;
  /** Requests counted in the window. */
  requests: number;
  /** Requests per second; NaN until the window holds two scrapes. */
  requestRate: number;
  /** Share of requests answered 5xx (0..1); NaN with no requests or no status label. */
  errorRate: number;
  /** Latency quantiles in seconds; NaN when unknown. */
  p50: number;
  p95: number;
  p99: number;
}

export function serviceStats(window: ScrapeWindow, options: ServiceStatsOptions = {}): ServiceStats {
  const families = window.latest()?.families ?? new Map<string, MetricFamily>();
  const histogram = options.histogram ?? pickHistogram(families);
  const seconds = window.seconds();
  const [p50, p95, p99] = histogram ? quantiles(window, histogram, [0.5, 0.95, 0.99]) : [NaN, NaN, NaN];
  const requestsMetric = pickRequestsMetric(window, families, histogram, options.requests);
  const series = requestsMetric ? window.increases(requestsMetric) : [];
  const requests = sum(series);
  const withStatus = series.filter((s) => statusOf(s.labels) !== undefined);
  const errors = sum(withStatus.filter((s) => /^5(\d\d|xx)$/i.test(statusOf(s.labels)!)));
  return {
    windowSeconds: seconds,
    histogram,
    requestsMetric,
    requests,
    requestRate: seconds > 0 ? requests / seconds : NaN,
    errorRate: withStatus.length > 0 && requests > 0 ? errors / sum(withStatus) : NaN,
    p50,
    p95,
    p99,
  };
}

/** histogram_quantile(q, sum by (le) (increase(<name>_bucket[window]))) for each q. */
export function quantiles(window: ScrapeWindow, histogram: string, qs: number[]): number[] {
  const byBound = new Map<number, number>();
  for (const { labels, increase } of window.increases(`${histogram}_bucket`)) {
    const bound = labels.le === undefined ? undefined : parseSampleValue(labels.le);
    if (bound === undefined || Number.isNaN(bound)) continue;
    byBound.set(bound, (byBound.get(bound) ?? 0) + increase);
  }
  const buckets: Bucket[] = [...byBound].map(([upperBound, count]) => ({ upperBound, count }));
  return qs.map((q) => bucketQuantile(q, buckets));
}

export function pickHistogram(families: Map<string, MetricFamily>): string | undefined {
  const names = [...families.values()].filter((f) => f.type === 'histogram').map((f) => f.name);
  const untyped = [...families.keys()].filter((n) => n.endsWith('_bucket')).map((n) => n.slice(0, -'_bucket'.length));
  for (const suffix of ['_request_duration_seconds', '_duration_seconds']) {
    const found = names.find((n) => n.endsWith(suffix)) ?? untyped.find((n) => n.endsWith(suffix));
    if (found) return found;
  }
  return undefined;
}

function pickRequestsMetric(window: ScrapeWindow, families: Map<string, MetricFamily>, histogram: string | undefined, chosen?: string): string | undefined {
  if (chosen) return chosen;
  const candidates = [...families.values()]
    .filter((f) => f.type === 'counter' && /_requests(_total)?$/.test(f.name))
    .map((f) => f.name);
  if (histogram) candidates.push(`${histogram}_count`);
  const latest = window.latest()?.samples ?? [];
  const hasStatus = (name: string) => latest.some((s) => s.name === name && statusOf(s.labels) !== undefined);
  const present = candidates.filter((name) => latest.some((s) => s.name === name));
  return present.find(hasStatus) ?? present[0];
}

function statusOf(labels: Record<string, string>): string | undefined {
  for (const name of STATUS_LABELS) if (labels[name] !== undefined) return labels[name];
  return undefined;
}

function sum(series: SeriesIncrease[]): number {
  return series.reduce((total, s) => total + s.increase, 0);
}
