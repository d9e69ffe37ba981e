// The latency pane's quantiles beside a real Prometheus scraping the same /metrics: the same
// histogram over two phases, with one series' counters reset between them (a restarted process),
// against histogram_quantile(q, sum by (le) (increase(..._bucket[10m]))) from Prometheus's API.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MetricsScraper } from '../src/metrics/scraper';
import { quantiles } from '../src/metrics/service-stats';
import { waitFor } from './harness/containers';
import { freePort } from './harness/postgres';

const BOUNDS = ['0.05', '0.1', '0.5', '+Inf'];
// Cumulative bucket counts per status; the 500 series starts again from zero in the second phase.
const PHASES: Record<string, number[]>[] = [
  { 200: [400, 900, 1200, 1300], 500: [10, 20, 40, 60] },
  { 200: [1000, 2000, 2490, 2600], 500: [3, 5, 9, 12] },
];
const QS = [0.5, 0.9, 0.95, 0.99];

let phase = 0;
const exposition = () => ['# TYPE request_duration_seconds histogram', ...Object.entries(PHASES[phase]).flatMap(([status, counts]) =>
  BOUNDS.map((le, i) => `request_duration_seconds_bucket{status="${status}",le="${le}"} ${counts[i]}`))].join('\n') + '\n';

const listen = (server: Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));

describe('latency quantiles against a real Prometheus', () => {
  const dir = mkdtempSync(join(tmpdir(), 'opsdeck-prom-'));
  const target = createServer((_, res) => { res.setHeader('content-type', 'text/plain; version=0.0.4'); res.end(exposition()); });
  let prometheus: ChildProcess;
  let api = '';
  let metricsUrl = '';

  const query = async (promql: string): Promise<number[]> => {
    const body = await (await fetch(`${api}/api/v1/query?query=${encodeURIComponent(promql)}`)).json() as { data: { result: { value: [number, string] }[] } };
    return body.data.result.map((r) => Number(r.value[1]));
  };
  const series = 'request_duration_seconds_bucket{status="500",le="+Inf"}';
  const samples = async () => (await query(`count_over_time(${series}[10m])`))[0] ?? 0;

  beforeAll(async () => {
    metricsUrl = `http://127.0.0.1:${await listen(target)}/metrics`;
    const port = await freePort();
    api = `http://127.0.0.1:${port}`;
    writeFileSync(join(dir, 'prometheus.yml'), `global: { scrape_interval: 1s }\nscrape_configs:\n  - job_name: api\n    static_configs: [{ targets: ['${new URL(metricsUrl).host}'] }]\n`);
    prometheus = spawn('prometheus', [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`],
      { stdio: 'ignore' });
    await waitFor('Prometheus to be ready', async () => (await fetch(`${api}/-/ready`)).ok, 30_000);
  }, 60_000);

  afterAll(async () => {
    prometheus?.kill('SIGTERM');
    await new Promise((resolve) => (prometheus?.exitCode === null ? prometheus.once('exit', resolve) : resolve(undefined)));
    await new Promise((resolve) => target.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the quantiles Prometheus gives for the same scrapes, across a counter reset', async () => {
    const scraper = new MetricsScraper(metricsUrl, 600_000);
    for (const [n, last] of [[0, 60], [1, 12]]) {
      phase = n;
      await scraper.scrape();
      const before = await samples();
      await waitFor(`three Prometheus scrapes of phase ${n + 1}`, async () => (await query(series))[0] === last && (await samples()) >= before + 3, 20_000);
      await scraper.scrape();
    }
    const ours = quantiles(scraper.window, 'request_duration_seconds', QS);
    const theirs = await Promise.all(QS.map(async (q) => (await query(`histogram_quantile(${q}, sum by (le) (increase(request_duration_seconds_bucket[10m])))`))[0]));
    // Between the phases 200 grew by 600/1100/1290/1300 and 500, reset, by 3/5/9/12: the median
    // falls in the 0.05–0.1 bucket and the tail in 0.1–0.5 (a reset read as a drop would lower them).
    expect(theirs[0]).toBeGreaterThan(0.05);
    expect(theirs[0]).toBeLessThan(0.1);
    expect(theirs[3]).toBeGreaterThan(0.1);
    expect(theirs[3]).toBeLessThan(0.5);
    for (let i = 0; i < QS.length; i++) expect(ours[i]).toBeCloseTo(theirs[i], 9);
  }, 60_000);
});
