import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { inject } from 'vitest';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DockerSource } from '../src/docker/docker-source';
import { createStore } from '../src/store/store';
import { initialState, type AppState } from '../src/store/app-state';
import { LogFeed } from '../src/logs/log-feed';
import { testDocker, runContainer, removeProject, waitFor } from './harness/containers';

const project = 'resyncproj';
const docker = testDocker();

/** A unix socket in front of the test engine that counts container lists and can cut the event stream. */
function countingProxy(): Promise<{ host: string; lists: () => number; cutEvents: () => void; close: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'opsdeck-resync-'));
  const socket = join(dir, 'docker.sock');
  let lists = 0;
  const eventStreams = new Set<Socket>();
  const server: Server = createServer((client) => {
    const engine = connect(inject('dockerSocket'));
    client.on('data', (chunk: Buffer) => {
      const text = chunk.toString('latin1');
      lists += text.match(/^GET \/(v[\d.]+\/)?containers\/json\b/gm)?.length ?? 0;
      if (/^GET \/(v[\d.]+\/)?events\b/m.test(text)) eventStreams.add(client);
      engine.write(chunk);
    });
    engine.pipe(client);
    const close = () => { client.destroy(); engine.destroy(); eventStreams.delete(client); };
    client.on('close', close).on('error', close);
    engine.on('close', close).on('error', close);
  });
  return new Promise((resolve) => server.listen(socket, () => resolve({
    host: `unix://${socket}`,
    lists: () => lists,
    cutEvents: () => { for (const s of eventStreams) s.destroy(); },
    close: () => { server.close(); rmSync(dir, { recursive: true, force: true }); },
  })));
}

describe('the container list as a resync while events flow', () => {
  beforeAll(async () => {
    await removeProject(docker, project);
    await runContainer(docker, { project, service: 'api', cmd: ['sleep', '600'] });
  });
  afterAll(() => removeProject(docker, project));

  it('lists rarely while the event stream is up, shows a new container at once, and lists every refresh once events stop', async () => {
    const proxy = await countingProxy();
    const state = createStore<AppState>(initialState(proxy.host), 0);
    const source = new DockerSource({ host: proxy.host, project, refreshMs: 200, logs: { tail: 10, maxLineBytes: 4096, keepColor: true } }, state, new LogFeed(100, 5));
    source.open();
    try {
      await waitFor('api listed', () => state.get().instances.length === 1);
      const api = state.get().instances[0];
      await waitFor('api stats', () => state.get().stats.get(api.id)?.cpuPercent !== undefined, 10_000);
      const before = proxy.lists();
      await new Promise((r) => setTimeout(r, 2000));
      // Ten refreshes at 200 ms: at most one of them was a resync.
      expect(proxy.lists() - before).toBeLessThanOrEqual(1);

      const started = Date.now();
      await runContainer(docker, { project, service: 'worker', cmd: ['sleep', '600'] });
      await waitFor('worker shown', () => state.get().instances.some((i) => i.service === 'worker' && i.state === 'running'), 3000);
      expect(Date.now() - started).toBeLessThan(3000);

      proxy.cutEvents();
      await new Promise((r) => setTimeout(r, 300));
      const cut = proxy.lists();
      await new Promise((r) => setTimeout(r, 1000));
      expect(proxy.lists() - cut).toBeGreaterThanOrEqual(3);
      expect(state.get().docker.status).toBe('up');
    } finally {
      source.close();
      proxy.close();
    }
  });
});
