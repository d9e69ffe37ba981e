import { describe, it, expect, afterAll } from 'vitest';
import { rmSync } from 'node:fs';
import Docker from 'dockerode';
import { startDockerd, importBusybox, type Dockerd } from './harness/dockerd';
import { runContainer, waitFor } from './harness/containers';
import { DockerSource } from '../src/docker/docker-source';
import { createStore } from '../src/store/store';
import { initialState, type AppState } from '../src/store/app-state';
import { LogFeed } from '../src/logs/log-feed';

// Its own engine: this test stops it, which must not disturb the others.
let engine: Dockerd | undefined;

afterAll(async () => {
  await engine?.stop();
  if (engine) rmSync(engine.dir, { recursive: true, force: true });
});

describe('Docker going away', () => {
  it('is a visible state with the error and a retry time, and recovers by itself', async () => {
    engine = await startDockerd();
    importBusybox(engine.socket);
    const docker = new Docker({ socketPath: engine.socket });
    await runContainer(docker, { project: 'lossproj', service: 'api', cmd: ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 0.2; done'], restart: 'always' });
    const state = createStore<AppState>(initialState(engine.host), 0);
    const source = new DockerSource({ host: engine.host, refreshMs: 300, maxBackoffMs: 500, logs: { tail: 10, maxLineBytes: 1024, keepColor: false } }, state, new LogFeed(100, 0));
    source.open();
    try {
      await waitFor('api listed', () => state.get().instances.some((i) => i.service === 'api'));
      await engine.kill();
      // A request cut off by the stop may first say "socket hang up"; the retries then say why.
      const down = await waitFor('down state naming the socket', () => {
        const docker = state.get().docker;
        return docker.status === 'down' && /cannot connect/.test(docker.error ?? '') && docker;
      });
      expect(down.error).toMatch(/cannot connect to Docker at .*docker\.sock: (no such socket|connection refused)/);
      expect(down.retryAt).toBeGreaterThan(Date.now() - 1000);
      engine = await startDockerd(engine.dir);
      const up = await waitFor('recovered', () => state.get().docker.status === 'up' && state.get(), 20_000);
      expect(up.docker.error).toBeUndefined();
      await waitFor('api listed again', () => state.get().instances.some((i) => i.service === 'api'));
    } finally {
      source.close();
    }
  });

  it('starts in the down state when there is no engine at all, without throwing', async () => {
    const host = 'unix:///nonexistent/opsdeck/docker.sock';
    const state = createStore<AppState>(initialState(host), 0);
    const source = new DockerSource({ host, refreshMs: 300, logs: { tail: 10, maxLineBytes: 1024, keepColor: false } }, state, new LogFeed(100, 0));
    source.open();
    try {
      const down = await waitFor('down state', () => state.get().docker.status === 'down' && state.get().docker);
      expect(down.error).toBe('cannot connect to Docker at /nonexistent/opsdeck/docker.sock: no such socket');
      expect(state.get().instances).toEqual([]);
    } finally {
      source.close();
    }
  });
});
