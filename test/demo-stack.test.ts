// The demo stack's services, live under the process runtime: health, metrics, lag moving, the
// config opsdeck builds for them, and nothing left once it stops.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startDemo, metric, processesWith, until, type RunningDemo } from './demo-helpers';
import { demoConfig } from '../src/demo/demo-config';
import { runChecksOnce } from '../src/health/run-once';
import { configuredChecks } from '../src/health/check-list';

let demo: RunningDemo;
let dir: string;

describe('the demo stack as local processes', () => {
  beforeAll(async () => { demo = await startDemo(); dir = demo.stack.dir; });
  afterAll(async () => { await demo?.stop(); });

  it('starts in dependency order and every service reports healthy', async () => {
    const { instances } = demo.state.get();
    expect(instances.map((i) => `${i.service}:${i.state}:${i.health}`).sort()).toEqual(
      ['api', 'ingestor', 'kafka', 'mlflow', 'prediction-consumer'].map((s) => `${s}:running:healthy`));
    const started = (s: string) => demo.source.services.get(s)!.startedAt!;
    expect(started('kafka')).toBeLessThanOrEqual(started('ingestor'));
    expect(started('mlflow')).toBeLessThanOrEqual(started('api'));
    expect(started('api')).toBeLessThanOrEqual(started('prediction-consumer'));
  });

  it('the API answers like seed 002: /health, /version, /predict, /metrics with a status label', async () => {
    const health = await (await fetch(`${demo.stack.urls.api}/health`)).json();
    expect(health).toMatchObject({ status: 'healthy', model_loaded: true, model_version: 'xgb-2024.12.05' });
    expect(await (await fetch(`${demo.stack.urls.api}/version`)).json()).toMatchObject({ variant: 'ml' });
    const predicted = await fetch(`${demo.stack.urls.api}/predict`, { method: 'POST', body: JSON.stringify({ returns: [0.01, -0.02] }) });
    expect(predicted.status).toBe(200);
    const text = await (await fetch(`${demo.stack.urls.api}/metrics`)).text();
    expect(text).toMatch(/http_request_duration_seconds_bucket\{status="200",le="0.1"\} \d+/);
    expect(((await (await fetch(`${demo.stack.urls.registry}/health`)).json()) as { status: string }).status).toBe('ok');
  });

  it('ticks flow through Kafka to the consumer, which exports its lag', async () => {
    const processed = () => metric(`${demo.stack.urls.consumer}/metrics`, 'volatility_predictions_total');
    const before = await until('first predictions', async () => ((await processed()) ?? 0) > 0 && processed());
    await until('more predictions', async () => ((await processed()) ?? 0) > (before as number) + 5);
    const lag = await metric(`${demo.stack.urls.consumer}/metrics`, 'volatility_consumer_lag_seconds');
    expect(lag).toBeGreaterThanOrEqual(0);
    expect(lag).toBeLessThan(5);
  });

  it('every configured check passes, logs arrive with timestamps and stats come from /proc', async () => {
    const config = demoConfig(demo.stack, { host: '127.0.0.1', port: 1, user: 'x', present: false });
    const results = await runChecksOnce(configuredChecks(config.checks));
    expect(results.map((r) => `${r.name}:${r.state}`)).toEqual(['api', 'mlflow', 'ingestor', 'prediction-consumer', 'kafka'].map((n) => `${n}:ok`));
    demo.feed.flush();
    const lines = demo.feed.store.toArray().filter((l) => l.service === 'api');
    expect(lines.some((l) => l.plain.includes('listening on'))).toBe(true);
    expect(Math.abs(lines[0].ts / 1000 - Date.now())).toBeLessThan(60_000);
    const stats = await until('stats', () => demo.state.get().stats.get('api')?.cpuPercent !== undefined && demo.state.get().stats.get('api'));
    expect(stats.memBytes).toBeGreaterThan(10_000_000);
  });

  it('stops in reverse order and leaves no process behind', async () => {
    expect(processesWith(dir).length).toBeGreaterThanOrEqual(5);
    await demo.stop();
    expect(processesWith(dir)).toEqual([]);
    expect(demo.state.get().instances.every((i) => i.state === 'exited')).toBe(true);
  });
});
