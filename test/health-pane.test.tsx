import React from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../views/App';
import { CockpitContext, type Cockpit } from '../views/context';
import { initialUi } from '../views/ui-state';
import { HealthSource } from '../src/health/health-source';
import { LatencySource } from '../src/health/latency-source';
import { dockerHealthFrom } from '../src/health/docker-health';
import { closeSharedAgent } from '../src/checks/http-agent';
import { parseConfig } from '../src/config/load';
import type { Instance } from '../src/runtime/types';
import { renderSized, KEYS, type SizedRender } from './harness/ink';
import { cockpitWith, instance } from './harness/cockpit';
import { freePort } from './harness/postgres';
import { startModelApi, startPong, type ModelApi } from './health-fixtures';

let api: ModelApi;
let pong: Awaited<ReturnType<typeof startPong>>;
let closedPort: number;
const open: { view?: SizedRender; sources: (HealthSource | LatencySource)[] } = { sources: [] };

beforeAll(async () => {
  api = await startModelApi();
  pong = await startPong();
  closedPort = await freePort();
});

afterEach(async () => {
  open.view?.unmount();
  await Promise.all(open.sources.map((s) => s.close()));
  open.sources = [];
});

afterAll(async () => {
  await closeSharedAgent();
  await api.close();
  await pong.close();
});

function cockpit(instances: Instance[], redisPort: number, env?: NodeJS.ProcessEnv): Cockpit {
  const config = parseConfig(`
checks:
  - { name: api-health, service: api, type: http, url: "${api.base}/health", interval: 200ms, timeout: 1s, json: ["model_loaded == true"], fields: [model_version] }
  - { name: redis, type: tcp, host: 127.0.0.1, port: ${redisPort}, send: PING, expect: +PONG, interval: 200ms, timeout: 1s }
  - { name: api-container, service: api, type: docker, container: api, interval: 200ms }
  - { name: nightly, service: mlflow, type: http, url: "${api.base}/health", interval: 1h }
metrics:
  api: { url: "${api.base}/metrics", interval: 200ms, window: 1m }
`, 'opsdeck.yaml');
  const base = cockpitWith(instances, env ? { env } : {});
  const health = new HealthSource({ checks: config.checks, appState: base.state, batchMs: 0, dockerHealth: dockerHealthFrom({ instances: () => base.state.get().instances }) });
  const latency = new LatencySource({ metrics: config.metrics, slo: config.slo, appState: base.state, batchMs: 0 });
  health.open();
  latency.open();
  open.sources.push(health, latency);
  return { ...base, health, latency };
}

function app(c: Cockpit, columns: number, rows: number): SizedRender {
  open.view = renderSized(<CockpitContext.Provider value={c}><App initial={initialUi()} /></CockpitContext.Provider>, columns, rows);
  return open.view;
}

const row = (frame: string, name: string) => frame.split('\n').find((l) => new RegExp(`\\s${name}\\s`).test(l)) ?? '';

describe('health pane', () => {
  it('at 80x24, healthy: state, latency, time in state, failures and model_version per check', async () => {
    api.mode = 'healthy';
    const view = app(cockpit([instance({ service: 'api', health: 'healthy' })], pong.port), 80, 24);
    await view.press('3');
    const frame = await view.waitForFrame((f) => f.includes('3 ok') && f.includes('model_version'), 'three checks ok');
    const lines = frame.split('\n');
    expect(lines).toHaveLength(24);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(frame).toMatch(/Health .*1 unknown · 3 ok/);
    expect(frame).toMatch(/STATE\s+CHECK\s+SERVICE\s+LATENCY\s+FOR\s+FAILS\s+DETAIL/);
    expect(row(frame, 'api-health')).toMatch(/ok\s+api-health\s+api\s+[\d.]+ms\s+\d+(ms|s)\s+0\s+model_version=local-17/);
    expect(row(frame, 'redis')).toMatch(/ok\s+redis\s+redis\s+[\d.]+ms/);
    expect(row(frame, 'nightly')).toMatch(/unknown\s+nightly\s+mlflow\s+-\s+-\s+-\s+waiting for the first r/);
  });

  it('at 80x24, degraded and down: the reason in words and the failures counted', async () => {
    api.mode = 'down503';
    const view = app(cockpit([instance({ service: 'api', health: 'starting' })], closedPort), 80, 24);
    await view.press('3');
    const frame = await view.waitForFrame((f) => /redis\s+redis\s+\S+\s+\S+\s+[2-9]/.test(f) && /api-health.*\s[2-9]\s+HTTP 503/.test(f), 'two failures in a row');
    expect(frame).toMatch(/2 down · 1 degraded · 1 unknown/);
    expect(row(frame, 'api-health')).toMatch(/down\s+api-health\s+api\s+.*HTTP 503: Model not lo/);
    expect(row(frame, 'redis')).toMatch(/down\s+redis\s+.*connection refused by 1/);
    expect(row(frame, 'api-container')).toMatch(/degraded\s+api-container\s+api\s+.*health check starting/);
  });

  it('selects with j/k, shows the last result in full on enter, and runs a check now with c', async () => {
    api.mode = 'healthy';
    const view = app(cockpit([instance({ service: 'api', health: 'healthy' })], pong.port), 80, 24);
    await view.press('3');
    await view.waitForFrame((f) => f.includes('3 ok'), 'results');
    await view.press('j');
    await view.waitForFrame((f) => /› ok\s+redis/.test(f), 'redis selected');
    await view.press(KEYS.enter);
    const detail = await view.waitForFrame((f) => f.includes('target    tcp://'), 'the detail of redis');
    expect(detail).toContain(`target    tcp://127.0.0.1:${pong.port}`);
    expect(detail).toMatch(/state {5}ok for \S+, since \d\d:\d\d:\d\d/);
    expect(detail).toMatch(/failures  0 in a row/);
    await view.press(KEYS.escape);
    // Keys right behind Esc would read as Alt+key: wait for the detail to close first.
    await view.waitForFrame((f) => !f.includes('target    tcp://'), 'the detail closed');
    await view.press('jj');
    await view.waitForFrame((f) => /› unknown\s+nightly/.test(f), 'nightly selected');
    await view.press('c');
    const after = await view.waitForFrame((f) => /› ok\s+nightly/.test(f), 'nightly checked now');
    expect(row(after, 'nightly')).toMatch(/ok\s+nightly\s+mlflow\s+[\d.]+ms\s+\S+\s+0/);
  });

  it('at 200x50, beside the containers and latency panes; ASCII only under LANG=C', async () => {
    api.mode = 'healthy';
    const view = app(cockpit([instance({ service: 'api', health: 'healthy' })], pong.port, { LANG: 'C' }), 200, 50);
    const frame = await view.waitForFrame((f) => f.includes('3 ok') && /api\s+[\d.]+\s+/.test(f), 'health and latency');
    const lines = frame.split('\n');
    expect(lines).toHaveLength(50);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(200);
    expect(frame).toMatch(/\| .*SERVICE\s+CONTAINER.*\|.*STATE\s+CHECK\s+SERVICE\s+LATENCY/);
    expect(frame).toMatch(/Latency/);
    const mine = lines.slice(1, 13).map((l) => l.slice(110)).join('\n');
    expect(mine).toMatch(/Health .*1 unknown, 3 ok/);
    expect(mine).toMatch(/SLO p95 < 800ms, errors < 1%/);
    expect(mine).not.toMatch(/[^\x00-\x7f]/);
  });
});
