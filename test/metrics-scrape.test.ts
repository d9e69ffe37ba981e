import { createServer, type Server } from 'node:http';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MetricsScraper, scrapeMetrics } from '../src/metrics/scraper';
import { closeSharedAgent } from '../src/checks/http-agent';
import { freePort } from './harness/postgres';

const registry = new Registry();
collectDefaultMetrics({ register: registry });
const latency = new Histogram({
  name: 'http_request_duration_seconds', help: 'Prediction latency', registers: [registry],
  labelNames: ['method', 'route', 'status_code'], buckets: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
});
const predictions = new Counter({ name: 'predictions_total', help: 'Predictions "made"\\today', registers: [registry], labelNames: ['model'] });

let server: Server;
let base: string;
let metricsStatus = 200;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    if (req.url === '/huge') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end(Buffer.alloc(3 << 20, 'a'));
      return;
    }
    res.writeHead(metricsStatus, { 'content-type': registry.contentType }).end(await registry.metrics());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  await closeSharedAgent();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** 1000 requests spread evenly over 1 ms .. 1 s, 1 % of them answered 500. */
function serveTraffic(): void {
  for (let i = 1; i <= 1000; i++) {
    latency.observe({ method: 'POST', route: '/predict', status_code: i % 100 === 0 ? '500' : '200' }, i / 1000);
  }
  predictions.inc({ model: 'xgb' }, 990);
}

describe('scraping a prom-client registry over HTTP', () => {
  it('parses the whole real output without errors', async () => {
    const outcome = await scrapeMetrics(`${base}/metrics`, { timeoutMs: 2000 });
    expect(outcome.error).toBeUndefined();
    expect(outcome.parseErrors).toEqual([]);
    const families = outcome.scrape!.families;
    expect(families.get('http_request_duration_seconds')?.type).toBe('histogram');
    expect(families.get('predictions_total')?.help).toBe('Predictions "made"\\today');
    expect(families.get('process_cpu_seconds_total')?.type).toBe('counter');
    expect(families.get('nodejs_gc_duration_seconds')?.type).toBe('histogram');
  });

  it('turns two scrapes into request rate, error rate and p50/p95/p99', async () => {
    const scraper = new MetricsScraper(`${base}/metrics`, 300_000);
    latency.observe({ method: 'GET', route: '/health', status_code: '200' }, 0.05);
    await scraper.scrape();
    serveTraffic();
    await scraper.scrape();
    const stats = scraper.stats();
    expect(stats).toMatchObject({ histogram: 'http_request_duration_seconds', requestsMetric: 'http_request_duration_seconds_count', requests: 1000 });
    expect(stats.errorRate).toBeCloseTo(0.01, 12);
    expect(stats.requestRate).toBeCloseTo(1000 / stats.windowSeconds, 6);
    expect(stats.p50).toBeCloseTo(0.5, 9);
    expect(stats.p95).toBeCloseTo(0.95, 9);
    expect(stats.p99).toBeCloseTo(0.99, 9);
  });

  it('leaves the window alone and says why when a scrape fails', async () => {
    const scraper = new MetricsScraper(`${base}/metrics`, 300_000);
    await scraper.scrape();
    metricsStatus = 503;
    const failed = await scraper.scrape();
    metricsStatus = 200;
    expect(failed.error).toBe('HTTP 503');
    expect(scraper.window.scrapes()).toHaveLength(1);
    const port = await freePort();
    expect((await scrapeMetrics(`http://127.0.0.1:${port}/metrics`, { timeoutMs: 2000 })).error).toBe(`connection refused by 127.0.0.1:${port}`);
    expect((await scrapeMetrics(`${base}/huge`, { timeoutMs: 2000, maxBytes: 1 << 20 })).error).toBe('body larger than 1 MiB');
  });
});
