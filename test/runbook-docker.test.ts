import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { inject } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { DockerRuntime } from '../src/runbooks/docker-runtime';
import { runRunbookCommand, reportCommand } from '../src/runbooks/run-command';
import { PROJECT_LABEL } from '../src/docker/labels';
import { testDocker, runContainer, nodeBinds, removeProject, waitFor } from './harness/containers';
import { httpServer } from './runbook-support';

const project = 'rbdocker';
const docker = testDocker();

/** A model server: /health is 503 with model_loaded false unless MODEL_VARIANT=baseline. */
const SERVER = `
const http = require('node:http');
const baseline = process.env.MODEL_VARIANT === 'baseline';
http.createServer((req, res) => {
  const body = baseline ? { status: 'healthy', model_loaded: true, model_variant: 'baseline' } : { status: 'unhealthy', model_loaded: false };
  res.writeHead(req.url === '/health' && !baseline ? 503 : 200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}).listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
`;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const projectContainers = () => docker.listContainers({ all: true, filters: { label: [`${PROJECT_LABEL}=${project}`] } });

describe('runbooks on a real Docker engine', () => {
  beforeAll(() => removeProject(docker, project));
  afterAll(() => removeProject(docker, project));

  it('recreate keeps the old container when the new one cannot start, and puts it back', async () => {
    const old = await runContainer(docker, { project, service: 'worker', cmd: ['sh', '-c', 'trap "exit 0" TERM; sleep 600 & wait'], env: ['MODE=one'] });
    const runtime = new DockerRuntime(docker, project);
    const [id] = await runtime.findService('worker');
    await expect(runtime.recreate(id, { PATH: '/nowhere' })).rejects.toThrow(/recreating rbdocker-worker-1 failed, the old container is back/);
    const back = await old.inspect();
    expect(back.Name).toBe('/rbdocker-worker-1');
    expect(back.State.Running).toBe(true);
    expect((await projectContainers()).length).toBe(1);
    const fresh = await runtime.recreate(id, { MODE: 'two' });
    const info = await docker.getContainer(fresh).inspect();
    expect(info.Config.Env).toContain('MODE=two');
    expect(info.Name).toBe('/rbdocker-worker-1');
    expect(await runtime.exec(fresh, ['sh', '-c', 'echo mode=$MODE; exit 3'])).toEqual({ exitCode: 3, output: 'mode=two\n' });
    await removeProject(docker, project);
  });

  it('the 503 "model not loaded" runbook, headless with --yes, rolls the API back to the baseline model', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rb-e2e-'));
    const script = join(dir, 'server.js');
    writeFileSync(script, SERVER);
    const port = await freePort();
    await runContainer(docker, { project, service: 'api', cmd: ['node', '/app/server.js'], env: ['MODEL_VARIANT=ml', `PORT=${port}`], binds: nodeBinds(script) });
    const api = `http://127.0.0.1:${port}`;
    await waitFor('the broken API to answer', async () => (await fetch(`${api}/health`)).status === 503);
    const mlflow = await httpServer((_req, res) => res.writeHead(200).end('OK'));
    const env = { ...process.env, XDG_STATE_HOME: join(dir, 'state'), XDG_CONFIG_HOME: join(dir, 'config') };
    const lines: string[] = [];
    try {
      const code = await runRunbookCommand({
        id: 'model-not-loaded', params: { api_url: api, mlflow_url: mlflow.url }, dryRun: false, yes: true,
        dockerHost: inject('dockerHost'), project, env, stdout: (l) => lines.push(l), stderr: (l) => lines.push(l),
      });
      expect(code, lines.join('\n')).toBe(0);
    } finally {
      await mlflow.close();
    }
    const containers = await projectContainers();
    expect(containers.map((c) => c.Names[0])).toEqual(['/rbdocker-api-1']);
    const info = await docker.getContainer(containers[0].Id).inspect();
    expect(info.Config.Env).toContain('MODEL_VARIANT=baseline');
    expect(await (await fetch(`${api}/health`)).json()).toMatchObject({ model_loaded: true });

    const report: string[] = [];
    expect(await reportCommand({ env, stdout: (l) => report.push(l) })).toBe(0);
    const markdown = report.join('\n');
    expect(markdown).toContain('# Incident report: API returns 503 "model not loaded"');
    expect(markdown).toContain('- api switched to the baseline model');
    expect(markdown).toContain('- api: MODEL_VARIANT=baseline (was ml)');
    expect(markdown).toMatch(/✗ fail — API health reports the model loaded: .*HTTP 503; model_loaded was false/);
    expect(markdown).toContain('✓ pass — API health reports the baseline model loaded');
    for (const step of ['1. health (check)', '2. mlflow (check)', '3. rollback (action)', '4. wait-healthy (action)', '5. verify-baseline (check)', '6. monitor (manual)']) {
      expect(markdown).toContain(step);
    }
    expect(markdown).toContain('auto-answered (--yes) "confirmed" to: Recreate the API with MODEL_VARIANT=baseline?');
    expect(markdown).toContain('run ended: **succeeded**');
  });
});
