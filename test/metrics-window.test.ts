import { describe, expect, it } from 'vitest';
import { counterIncrease, counterRate } from '../src/metrics/counter-increase';
import { ScrapeWindow } from '../src/metrics/scrape-window';
import { parseExposition } from '../src/metrics/exposition-parser';
import { serviceStats } from '../src/metrics/service-stats';
import { judgeSlo } from '../src/metrics/slo';

const points = (values: number[]) => values.map((value, i) => ({ at: i * 5000, value }));

function windowOf(spanMs: number, scrapes: [number, string][]): ScrapeWindow {
  const window = new ScrapeWindow(spanMs);
  for (const [at, text] of scrapes) {
    const parsed = parseExposition(text);
    expect(parsed.errors).toEqual([]);
    window.add({ at, samples: parsed.samples, families: parsed.families });
  }
  return window;
}

describe('counter increase and rate', () => {
  it('adds up growth and treats a drop as a restart from zero, like increase()', () => {
    expect(counterIncrease(points([0, 10, 25]))).toBe(25);
    expect(counterIncrease(points([100, 150, 20, 30]))).toBe(80);
    expect(counterIncrease(points([5, 0, 0, 3]))).toBe(3);
    expect(counterRate(points([100, 150, 20, 30]))).toBeCloseTo(80 / 15, 12);
  });

  it('has no answer from a single point', () => {
    expect(counterIncrease(points([7]))).toBeUndefined();
    expect(counterRate(points([7]))).toBeUndefined();
  });
});

const api = (ok: number, errors: number, buckets: [number, number, number]) => `
# TYPE http_requests_total counter
http_requests_total{handler="/predict",status="2xx"} ${ok}
${errors > 0 ? `http_requests_total{handler="/predict",status="5xx"} ${errors}` : ''}
# TYPE http_request_duration_seconds histogram
http_request_duration_seconds_bucket{handler="/predict",le="0.1"} ${buckets[0]}
http_request_duration_seconds_bucket{handler="/predict",le="1"} ${buckets[1]}
http_request_duration_seconds_bucket{handler="/predict",le="+Inf"} ${buckets[2]}
http_request_duration_seconds_count{handler="/predict"} ${buckets[2]}
`;

describe('service stats over a window of scrapes', () => {
  it('computes request rate, error rate and latency quantiles for the window', () => {
    const window = windowOf(60_000, [
      [0, api(1000, 0, [900, 1000, 1000])],
      [10_000, api(1090, 10, [980, 1100, 1100])],
    ]);
    const stats = serviceStats(window);
    expect(stats).toMatchObject({ histogram: 'http_request_duration_seconds', requestsMetric: 'http_requests_total', requests: 100, windowSeconds: 10 });
    expect(stats.requestRate).toBeCloseTo(10, 12);
    // The 5xx series first appears in the second scrape: its 10 errors still count.
    expect(stats.errorRate).toBeCloseTo(0.1, 12);
    expect(stats.p50).toBeCloseTo(0.1 * 50 / 80, 12);
    expect(stats.p95).toBeCloseTo(0.1 + 0.9 * 15 / 20, 12);
    expect(stats.p99).toBeCloseTo(0.1 + 0.9 * 19 / 20, 12);
    expect(judgeSlo(stats)).toEqual({ state: 'breach', breaches: ['error rate 10 % (SLO < 1 %)'] });
  });

  it('counts across a server restart and forgets scrapes older than the window', () => {
    const window = windowOf(20_000, [
      [0, api(500, 0, [500, 500, 500])],
      [10_000, api(5000, 0, [4000, 5000, 5000])],
      [20_000, api(5100, 0, [4100, 5100, 5100])],
      [30_000, api(40, 0, [40, 40, 40])],
    ]);
    expect(window.scrapes().map((s) => s.at)).toEqual([10_000, 20_000, 30_000]);
    const stats = serviceStats(window);
    expect(stats.requests).toBe(140);
    expect(stats.errorRate).toBe(0);
    expect(stats.p50).toBeCloseTo(0.1 * 70 / 140, 12);
    expect(judgeSlo(stats)).toEqual({ state: 'ok', breaches: [] });
  });

  it('knows nothing until two scrapes, and has no error rate without requests', () => {
    const one = windowOf(60_000, [[0, api(10, 1, [10, 11, 11])]]);
    const stats = serviceStats(one);
    expect(stats.requestRate).toBeNaN();
    expect(stats.p95).toBeNaN();
    expect(judgeSlo(stats).state).toBe('unknown');
    const idle = serviceStats(windowOf(60_000, [[0, api(10, 0, [10, 10, 10])], [5000, api(10, 0, [10, 10, 10])]]));
    expect(idle).toMatchObject({ requests: 0, requestRate: 0 });
    expect(idle.errorRate).toBeNaN();
    expect(idle.p95).toBeNaN();
  });

  it('reads the status from a code or status_code label, and from the histogram when no counter exists', () => {
    const text = (ok: number, bad: number) => `
# TYPE rpc_duration_seconds histogram
rpc_duration_seconds_bucket{code="200",le="0.5"} ${ok}
rpc_duration_seconds_bucket{code="200",le="+Inf"} ${ok}
rpc_duration_seconds_bucket{code="503",le="0.5"} ${bad}
rpc_duration_seconds_bucket{code="503",le="+Inf"} ${bad}
rpc_duration_seconds_count{code="200"} ${ok}
rpc_duration_seconds_count{code="503"} ${bad}
`;
    const stats = serviceStats(windowOf(60_000, [[0, text(0, 0)], [5000, text(198, 2)]]));
    expect(stats).toMatchObject({ histogram: 'rpc_duration_seconds', requestsMetric: 'rpc_duration_seconds_count', requests: 200 });
    expect(stats.errorRate).toBeCloseTo(0.01, 12);
    expect(judgeSlo(stats).breaches).toEqual(['error rate 1 % (SLO < 1 %)']);
  });

  it('reports a p95 over the SLO', () => {
    const slow = (n: number) => api(n, 0, [0, 0, n]);
    const stats = serviceStats(windowOf(60_000, [[0, slow(0)], [5000, slow(100)]]));
    expect(stats.p95).toBe(1);
    expect(judgeSlo(stats)).toEqual({ state: 'breach', breaches: ['p95 1000 ms (SLO < 800 ms)'] });
  });
});
