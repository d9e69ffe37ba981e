import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BUSYBOX_IMAGE } from './harness/dockerd';
import { removeProject, testDocker } from './harness/containers';
import { freePort } from './harness/postgres';
import { PROJECT_LABEL, SERVICE_LABEL } from '../src/docker/labels';
import { startModelApi, startPong, type ModelApi } from './health-fixtures';

let api: ModelApi;
let pong: Awaited<ReturnType<typeof startPong>>;
let closedPort: number;
const dir = mkdtempSync(join(tmpdir(), 'opsdeck-health-cli-'));
const project = `hc${process.pid}`;

beforeAll(async () => {
  api = await startModelApi();
  pong = await startPong();
  closedPort = await freePort();
});

afterAll(async () => {
  await removeProject(testDocker(), project);
  await api.close();
  await pong.close();
});

function configFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

function opsdeck(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('bin/opsdeck', args, { env: { ...process.env, DOCKER_HOST: inject('dockerHost'), NO_COLOR: '1' }, timeout: 20_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }));
  });
}

const checks = (redisPort: number) => `checks:
  - name: api-health
    service: api
    type: http
    url: ${api.base}/health
    json: ["status in [healthy, ok]", "model_loaded == true"]
    fields: [model_version]
  - { name: redis, type: tcp, host: 127.0.0.1, port: ${redisPort}, send: PING, expect: +PONG, timeout: 2s }
`;

describe('opsdeck check', () => {
  it('exits 0 when every check passes, with each result in the JSON', async () => {
    api.mode = 'healthy';
    const { code, stdout } = await opsdeck(['check', '-c', configFile('ok.yaml', checks(pong.port)), '-p', project, '--json']);
    const out = JSON.parse(stdout);
    expect(code).toBe(0);
    expect(out.ok).toBe(true);
    expect(out.docker.status).toBe('up');
    expect(out.checks.map((c: { name: string; state: string }) => [c.name, c.state])).toEqual([['api-health', 'ok'], ['redis', 'ok']]);
    expect(out.checks[0]).toMatchObject({ service: 'api', type: 'http', target: `${api.base}/health`, fields: { model_version: 'local-1764545017' } });
  });

  it('exits 1 when one is down, and says why in words', async () => {
    api.mode = 'unloaded';
    const { code, stdout } = await opsdeck(['check', '-c', configFile('down.yaml', checks(closedPort)), '-p', project, '--json']);
    const out = JSON.parse(stdout);
    expect(code).toBe(1);
    expect(out.failing).toEqual(['api-health', 'redis']);
    expect(out.checks[0].error).toBe('model_loaded was false (expected == true)');
    expect(out.checks[1].error).toBe(`connection refused by 127.0.0.1:${closedPort}`);
    const text = await opsdeck(['check', '-c', join(dir, 'down.yaml'), '-p', project]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^down\s+api-health\s+api\s+\S+\s+model_loaded was false/m);
    expect(text.stdout).toContain('2 of 2 checks down: api-health, redis');
  });

  it('exits 2 on a bad check, naming file, line and column', async () => {
    const file = configFile('bad.yaml', 'checks:\n  - name: redis\n    type: tcp\n    host: 127.0.0.1\n    port: 99999\n');
    const { code, stderr } = await opsdeck(['check', '-c', file, '--json']);
    expect(code).toBe(2);
    expect(stderr).toContain(`opsdeck: ${file}:5:11: checks.0.port: Too big: expected number to be <=65535`);
    const typo = await opsdeck(['check', '-c', configFile('typo.yaml', 'checks:\n  - name: api\n    type: http\n    url: http://x/health\n    timout: 2s\n')]);
    expect(typo.stderr).toMatch(/typo\.yaml:5:5: unknown key "timout" in checks\.0; expected one of: name, interval, timeout/);
  });

  it('exits 2 when there is nothing to check', async () => {
    const { code, stderr } = await opsdeck(['check', '-c', configFile('none.yaml', ''), '-p', `${project}-empty`]);
    expect(code).toBe(2);
    expect(stderr).toContain('no checks');
  });

  it('checks a service labelled opsdeck.health, and reports health and latency in status --json', async () => {
    api.mode = 'healthy';
    api.traffic(50, 0.2);
    const docker = testDocker();
    const container = await docker.createContainer({
      Image: BUSYBOX_IMAGE, name: `${project}-api-1`, Cmd: ['sleep', '600'],
      Labels: { [PROJECT_LABEL]: project, [SERVICE_LABEL]: 'api', 'opsdeck.health': `${api.base}/health`, 'opsdeck.metrics': `${api.base}/metrics` },
    });
    await container.start();
    const file = configFile('labels.yaml', `checks:\n  - { name: api-container, service: api, type: docker, container: api }\n`);
    const check = await opsdeck(['check', '-c', file, '-p', project, '--json']);
    const out = JSON.parse(check.stdout);
    expect(out.checks.map((c: { name: string; origin: string; state: string }) => [c.name, c.origin, c.state])).toEqual([
      ['api-container', 'config', 'unknown'], ['api', 'label', 'ok'],
    ]);
    expect(out.checks[0].error).toBe('container defines no health check');
    expect(check.code).toBe(0);

    const status = await opsdeck(['status', '-c', file, '-p', project, '--json']);
    const snap = JSON.parse(status.stdout);
    expect(status.code).toBe(0);
    expect(snap.containers[0].labels).toEqual({ 'opsdeck.health': `${api.base}/health`, 'opsdeck.metrics': `${api.base}/metrics` });
    expect(snap.health.failing).toEqual([]);
    expect(snap.latency).toEqual([expect.objectContaining({ service: 'api', source: 'scrape', errorRate: 0, verdict: 'ok', slo: { p95Ms: 800, errorRate: 0.01 } })]);
    expect(snap.latency[0].p95Ms).toBeGreaterThan(100);
    expect(snap.latency[0].p95Ms).toBeLessThanOrEqual(250);
  });
});
