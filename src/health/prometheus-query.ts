// The latency figures from a Prometheus server's HTTP API (/api/v1/query) instead of a direct
// scrape: the same histogram_quantile over rate(...[window]) an SRE would put on a Grafana panel.
import { request } from 'undici';
import { sharedAgent } from '../checks/http-agent';
import { deadline } from '../checks/deadline';
import { describeNetworkError, timeoutInWords } from '../checks/network-errors';
import { readCappedBody } from '../checks/http-body';
import type { ServiceStats } from '../metrics/service-stats';
import type { PrometheusConfig } from './config-schema';
import type { LatencyTarget } from './latency-targets';

export const DEFAULT_HISTOGRAM = 'http_request_duration_seconds';

class PrometheusError extends Error {}

/** The PromQL for each figure, for the target's histogram and job. */
export function promQueries(target: LatencyTarget): Record<'p50' | 'p95' | 'p99' | 'rate' | 'errors', string> {
  const histogram = target.histogram ?? DEFAULT_HISTOGRAM;
  const requests = target.requests ?? `${histogram}_count`;
  const job = `job=${JSON.stringify(target.job)}`;
  const range = `[${Math.max(1, Math.round(target.windowMs / 1000))}s]`;
  const quantile = (q: number) => `histogram_quantile(${q}, sum by (le) (rate(${histogram}_bucket{${job}}${range})))`;
  const errors = ['status', 'code', 'status_code'].map((label) => `rate(${requests}{${job},${label}=~"5.."}${range})`).join(' or ');
  return { p50: quantile(0.5), p95: quantile(0.95), p99: quantile(0.99), rate: `sum(rate(${requests}{${job}}${range}))`, errors: `sum(${errors})` };
}

export async function queryServiceStats(prometheus: PrometheusConfig, target: LatencyTarget, signal?: AbortSignal): Promise<ServiceStats> {
  const queries = promQueries(target);
  const ask = (query: string) => instantQuery(prometheus, query, signal);
  const [p50, p95, p99, rate, errors] = await Promise.all([ask(queries.p50), ask(queries.p95), ask(queries.p99), ask(queries.rate), ask(queries.errors)]);
  const windowSeconds = target.windowMs / 1000;
  return {
    windowSeconds, histogram: target.histogram ?? DEFAULT_HISTOGRAM, requestsMetric: target.requests ?? `${target.histogram ?? DEFAULT_HISTOGRAM}_count`,
    requests: Number.isNaN(rate) ? 0 : rate * windowSeconds, requestRate: rate,
    errorRate: rate > 0 ? (Number.isNaN(errors) ? 0 : errors) / rate : NaN, p50, p95, p99,
  };
}

/** The first value of an instant vector; NaN when the vector is empty. Throws with a message in words. */
export async function instantQuery(prometheus: PrometheusConfig, query: string, signal?: AbortSignal): Promise<number> {
  const url = `${prometheus.url.replace(/\/+$/, '')}/api/v1/query?query=${encodeURIComponent(query)}`;
  const time = deadline(signal ?? new AbortController().signal, prometheus.timeout);
  let status: number;
  let text: string;
  try {
    const res = await request(url, { dispatcher: sharedAgent(), signal: time.signal, headers: { accept: 'application/json' } });
    status = res.statusCode;
    text = (await readCappedBody(res.body, 4 << 20, res.headers['content-length'])).toString('utf8');
  } catch (err) {
    if (time.timedOut()) throw new PrometheusError(`Prometheus: ${timeoutInWords(prometheus.timeout)}`);
    throw new PrometheusError(`Prometheus: ${describeNetworkError(err, new URL(prometheus.url).hostname)}`);
  }
  let body: { status?: string; error?: string; errorType?: string; data?: { result?: { value?: [number, string] }[] } };
  try {
    body = JSON.parse(text);
  } catch {
    throw new PrometheusError(`Prometheus answered HTTP ${status} without JSON`);
  }
  if (body.status !== 'success') throw new PrometheusError(`Prometheus: ${body.errorType ?? `HTTP ${status}`}: ${body.error ?? 'query failed'}`);
  const value = body.data?.result?.[0]?.value?.[1];
  return value === undefined ? NaN : Number(value);
}
