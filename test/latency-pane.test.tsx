import React from 'react';
import { createServer, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CockpitContext } from '../views/context';
import { LatencyPane } from '../views/LatencyPane';
import { sparkline } from '../views/sparkline';
import { LatencySource } from '../src/health/latency-source';
import { promQueries } from '../src/health/prometheus-query';
import { closeSharedAgent } from '../src/checks/http-agent';
import { parseConfig } from '../src/config/load';
import { renderSized, type SizedRender } from './harness/ink';
import { cockpitWith } from './harness/cockpit';
import { startModelApi, until, type ModelApi } from './health-fixtures';

let api: ModelApi;
let prometheus: Server;
let promBase: string;
const asked: string[] = [];
let promBroken = false;
const open: { view?: SizedRender; source?: LatencySource } = {};

beforeAll(async () => {
  api = await startModelApi();
  prometheus = createServer((req, res) => {
    const query = new URL(req.url ?? '/', 'http://x').searchParams.get('query') ?? '';
    asked.push(query);
    if (promBroken) return void res.writeHead(400, { 'content-type': 'application/json' }).end('{"status":"error","errorType":"bad_data","error":"1:1: parse error"}');
    const value = query.startsWith('histogram_quantile(0.95') ? '1.2' : query.startsWith('histogram_quantile') ? '0.3' : query.includes('=~"5.."') ? '0.5' : query.startsWith('sum(rate(') ? '10' : undefined;
    const result = value ? [{ metric: {}, value: [Date.now() / 1000, value] }] : [];
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result } }));
  });
  await new Promise<void>((resolve) => prometheus.listen(0, '127.0.0.1', resolve));
  promBase = `http://127.0.0.1:${(prometheus.address() as { port: number }).port}`;
});

afterEach(async () => {
  open.view?.unmount();
  await open.source?.close();
});

afterAll(async () => {
  await closeSharedAgent();
  await api.close();
  await new Promise((resolve) => prometheus.close(resolve));
});

function pane(yaml: string, columns: number, rows: number, env = { LANG: 'en_US.UTF-8' }) {
  const config = parseConfig(yaml, 'opsdeck.yaml');
  const source = new LatencySource({ metrics: config.metrics, slo: config.slo, prometheus: config.prometheus, batchMs: 0 });
  const cockpit = { ...cockpitWith([], { env }), latency: source };
  source.open();
  open.source = source;
  open.view = renderSized(<CockpitContext.Provider value={cockpit}><LatencyPane width={columns} height={rows} focused active /></CockpitContext.Provider>, columns, rows);
  return { source, view: open.view };
}

const scraped = (window = '1m') => `metrics:\n  api: { url: "${api.base}/metrics", interval: 150ms, window: ${window} }\n`;
const row = (frame: string) => frame.split('\n').find((l) => /│api\s/.test(l) || /\|api\s/.test(l)) ?? '';

describe('latency pane', () => {
  it('healthy at 80x24: req/s, error %, p50/p95/p99 from real prom-client histograms, and the trend', async () => {
    api.metricsStatus = 200;
    const { source, view } = pane(scraped(), 80, 24);
    await until('a first scrape', () => source.store.get().rows[0].stats);
    api.traffic(200, 0.04);
    const frame = await view.waitForFrame((f) => /api\s+[1-9][\d.]*\s+0%\s+\S+ms\s+\S+ms\s+\S+ms\s+p95\s+\S+/.test(f), 'figures');
    expect(frame).toMatch(/Latency.*SLO p95 < 800ms · errors < 1%/);
    expect(frame).toMatch(/SERVICE\s+REQ\/S\s+ERR%\s+P50\s+P95\s+P99\s+P95 TREND\s+ERR TREND/);
    expect(row(frame)).toMatch(/p95 [▁▂▃▄▅▆▇█ ]+ err [▁▂▃▄▅▆▇█ ]+/);
    expect(row(frame)).toMatch(/filling \S+\/1m/);
    expect(Math.max(...frame.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
    const stats = source.store.get().rows[0].stats!;
    expect(stats.p95).toBeGreaterThan(0.025);
    expect(stats.p95).toBeLessThanOrEqual(0.05);
  });

  it('degraded at 200x50: slow answers and 5xx push p95 and the error rate past their SLO', async () => {
    api.metricsStatus = 200;
    const { source, view } = pane(`${scraped('2s')}slo: { p95: 800ms, error_rate: 1% }\n`, 200, 50);
    await until('a first scrape', () => source.store.get().rows[0].stats);
    api.traffic(90, 2);
    api.traffic(10, 0.1, 500);
    await until('the breach in the figures', () => (source.store.get().rows[0].stats?.errorRate ?? 0) > 0.05);
    const frame = await view.waitForFrame((f) => /api\s+\S+\s+10%\s+/.test(f), 'error share');
    expect(row(frame)).toMatch(/api\s+[\d.]+\s+10%\s+\S+\s+[12]\.\d\ds\s+\S+s/);
    expect(frame.split('\n')).toHaveLength(50);
  });

  it('down: says the scrape failed and why; ASCII under LANG=C', async () => {
    api.metricsStatus = 503;
    const { view } = pane(scraped(), 80, 24, { LANG: 'C' });
    const frame = await view.waitForFrame((f) => f.includes('scrape failed'), 'scrape error');
    expect(row(frame)).toMatch(/api\s+scrape failed: HTTP 503/);
    expect(frame).toContain('SLO p95 < 800ms, errors < 1%');
    expect(frame).not.toMatch(/[^\x00-\x7f]/);
    api.metricsStatus = 200;
  });

  it('says the window is filling until a second scrape gives rates', async () => {
    const { view } = pane(`metrics:\n  api: { url: "${api.base}/metrics", interval: 1h }\n`, 80, 24);
    await view.waitForFrame((f) => f.includes('waiting for the first scrape') || f.includes('waiting for a second scrape'), 'filling notice');
  });

  it('asks Prometheus instead when prometheus.url is set, and shows its errors', async () => {
    promBroken = false;
    const yaml = `prometheus: { url: "${promBase}" }\nmetrics:\n  api: { job: ml-api, window: 5m, interval: 150ms }\n`;
    const { source, view } = pane(yaml, 80, 24);
    const frame = await view.waitForFrame((f) => /api\s+10.0\s+5%\s+300ms\s+1.20s\s+300ms/.test(f), 'figures from Prometheus');
    expect(frame).toContain('Latency (Prometheus)');
    expect(asked).toContain('histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{job="ml-api"}[300s])))');
    expect(source.store.get().rows[0].stats!.errorRate).toBeCloseTo(0.05);
    promBroken = true;
    await view.waitForFrame((f) => f.includes('query failed: Prometheus: bad_data: 1:1: parse error'), 'the Prometheus error');
  });
});

describe('sparkline and queries', () => {
  it('draws blocks, an ASCII ramp under LANG=C, and blanks for unknown values', () => {
    expect(sparkline([0, 0.4, 0.8, NaN, 1.6], 6, { unicode: true, max: 0.8 })).toBe(' ▁▃▅ █');
    expect(sparkline([0, 0.4, 0.8, NaN, 1.6], 5, { unicode: false, max: 1.6 })).toBe('_,= #');
    expect(sparkline([1, 2, 3], 2, { unicode: true })).toBe('▆█');
  });

  it('builds PromQL for the configured histogram, requests counter and job', () => {
    const q = promQueries({ service: 'api', job: 'api', histogram: 'predict_seconds', requests: 'predict_total', windowMs: 60_000, intervalMs: 5000, timeoutMs: 5000, slo: { p95Ms: 800, errorRate: 0.01 }, origin: 'config' });
    expect(q.rate).toBe('sum(rate(predict_total{job="api"}[60s]))');
    expect(q.errors).toContain('rate(predict_total{job="api",status_code=~"5.."}[60s])');
    expect(q.p99).toBe('histogram_quantile(0.99, sum by (le) (rate(predict_seconds_bucket{job="api"}[60s])))');
  });
});
