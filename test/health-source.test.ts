import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthSource } from '../src/health/health-source';
import { closeSharedAgent } from '../src/checks/http-agent';
import { parseConfig } from '../src/config/load';
import { createStore } from '../src/store/store';
import { initialState, type AppState } from '../src/store/app-state';
import { dockerHealthFrom } from '../src/health/docker-health';
import { runChecksOnce } from '../src/health/run-once';
import { allChecks, configuredChecks } from '../src/health/check-list';
import { instance } from './harness/cockpit';
import { startModelApi, startPong, until, type ModelApi } from './health-fixtures';

let api: ModelApi;
let pong: Awaited<ReturnType<typeof startPong>>;

beforeAll(async () => {
  api = await startModelApi();
  pong = await startPong();
});

afterAll(async () => {
  await closeSharedAgent();
  await api.close();
  await pong.close();
});

function config() {
  return parseConfig(`
checks:
  - name: api-health
    service: api
    type: http
    url: ${api.base}/health
    interval: 300ms
    timeout: 1s
    json: ["status in [healthy, ok]", "model_loaded == true"]
    fields: [model_version]
  - name: redis
    type: tcp
    host: 127.0.0.1
    port: ${pong.port}
    send: PING
    expect: +PONG
    interval: 300ms
  - name: api-container
    service: api
    type: docker
    container: api
    interval: 300ms
`, 'opsdeck.yaml');
}

describe('health source', () => {
  it('runs every check on its interval and keeps their statuses in its store', async () => {
    api.mode = 'healthy';
    const state = createStore<AppState>({ ...initialState('unix:///x.sock'), instances: [instance({ service: 'api', health: 'healthy' })] }, 0);
    const source = new HealthSource({ checks: config().checks, appState: state, batchMs: 0,
      dockerHealth: dockerHealthFrom({ instances: () => state.get().instances }) });
    source.open();
    const book = () => source.store.get().book;
    await until('three ok results', () => ['api-health', 'redis', 'api-container'].every((id) => book().get(id)?.state === 'ok'));
    expect(book().get('api-health')!.lastResult!.fields).toEqual({ model_version: 'local-1764545017' });
    expect(source.store.get().checks.map((c) => [c.id, c.service])).toEqual([['api-health', 'api'], ['redis', 'redis'], ['api-container', 'api']]);

    api.mode = 'unloaded';
    state.set((s) => ({ ...s, instances: [instance({ service: 'api', health: 'unhealthy' })] }));
    await until('api-health down', () => book().get('api-health')?.state === 'down');
    expect(book().get('api-health')!.lastError).toBe('model_loaded was false (expected == true)');
    await until('container down', () => book().get('api-container')?.state === 'down');
    expect(book().get('api-container')!.lastError).toMatch(/^unhealthy/);
    await until('failures counted', () => book().get('api-health')!.consecutiveFailures >= 2);

    await source.close();
    const version = source.store.get().version;
    await new Promise((r) => setTimeout(r, 700));
    expect(source.store.get().version).toBe(version);
  });

  it('runs a check now on request and marks it pending until its result lands', async () => {
    api.mode = 'healthy';
    const slow = parseConfig(`checks:\n  - name: api\n    type: http\n    url: ${api.base}/health\n    interval: 1h\n`, 'f.yaml');
    const source = new HealthSource({ checks: slow.checks, batchMs: 0 });
    source.open();
    source.runNow('api');
    await until('first result', () => source.store.get().book.get('api')?.state === 'ok');
    api.mode = 'down503';
    source.runNow('api');
    expect(source.store.get().pending.has('api')).toBe(true);
    await until('result of the manual run', () => source.store.get().book.get('api')?.state === 'down');
    expect(source.store.get().pending.has('api')).toBe(false);
    expect(source.store.get().book.get('api')!.lastError).toBe('HTTP 503: Model not loaded');
    await source.close();
  });

  it('adds a check for a service labelled opsdeck.health, and drops it with the container', async () => {
    api.mode = 'healthy';
    const state = createStore<AppState>(initialState('unix:///x.sock'), 0);
    const source = new HealthSource({ checks: [], appState: state, batchMs: 0 });
    source.open();
    expect(source.store.get().checks).toEqual([]);
    const labelled = [instance({ service: 'api', labels: { 'opsdeck.health': `${api.base}/health` } }), instance({ service: 'api', name: 'ml-api-2', id: 'two', labels: { 'opsdeck.health': `${api.base}/health` } })];
    state.set((s) => ({ ...s, instances: labelled }));
    await until('label check ok', () => source.store.get().book.get('api')?.state === 'ok');
    expect(source.store.get().checks).toHaveLength(1);
    expect(source.store.get().checks[0]).toMatchObject({ id: 'api', origin: 'label', spec: { type: 'http', url: `${api.base}/health`, interval: 10_000 } });
    expect(source.store.get().book.get('api')!.lastResult!.fields).toEqual({ model_version: 'local-1764545017' });
    state.set((s) => ({ ...s, instances: [] }));
    await until('label check gone', () => source.store.get().checks.length === 0);
    await source.close();
  });

  it('turns a tcp:// label into a tcp check and a bad label into a check that says why', () => {
    const checks = allChecks(configuredChecks([]), [
      instance({ service: 'redis', labels: { 'opsdeck.health': 'tcp://127.0.0.1:6379' } }),
      instance({ service: 'web', labels: { 'opsdeck.health': 'localhost:80/health' } }),
    ]);
    expect(checks.map((c) => [c.id, c.spec.type, c.problem])).toEqual([
      ['redis', 'tcp', undefined],
      ['web', 'exec', 'label opsdeck.health=localhost:80/health: expected an http:// or https:// URL'],
    ]);
  });

  it('runs everything once for the headless commands, with reasons in words', async () => {
    api.mode = 'html';
    const checks = allChecks(configuredChecks(config().checks), []);
    const reports = await runChecksOnce(checks, { dockerHealth: dockerHealthFrom({ instances: () => [], engineError: () => 'no such socket' }) });
    expect(reports.map((r) => [r.name, r.state, r.error])).toEqual([
      ['api-health', 'down', 'expected JSON, got text/html'],
      ['redis', 'ok', undefined],
      ['api-container', 'down', 'Docker unreachable: no such socket'],
    ]);
  });
});
