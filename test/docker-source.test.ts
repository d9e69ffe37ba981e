import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { inject } from 'vitest';
import { DockerSource } from '../src/docker/docker-source';
import { createStore } from '../src/store/store';
import { initialState, type AppState } from '../src/store/app-state';
import { LogFeed } from '../src/logs/log-feed';
import { testDocker, runContainer, removeProject, waitFor } from './harness/containers';

const project = 'srcproj';
const docker = testDocker();

function startSource(options: { project?: string; refreshMs?: number } = {}) {
  const state = createStore<AppState>(initialState(inject('dockerHost')), 0);
  const feed = new LogFeed(1000, 5);
  const source = new DockerSource({
    host: inject('dockerHost'), project: options.project ?? project, refreshMs: options.refreshMs ?? 500,
    logs: { tail: 100, maxLineBytes: 4096, keepColor: true },
  }, state, feed);
  source.open();
  return { state, feed, source };
}

const find = (state: AppState, service: string) => state.instances.find((i) => i.service === service);

describe('Docker source against a real engine', () => {
  beforeAll(async () => {
    await removeProject(docker, project);
    await runContainer(docker, { project, service: 'api', cmd: ['sh', '-c', 'i=0; while true; do echo "api out $i"; echo "api err $i" >&2; i=$((i+1)); sleep 0.2; done'] });
    await runContainer(docker, { project, service: 'worker', cmd: ['sh', '-c', 'while true; do echo worker tick; sleep 0.3; done'] });
    await runContainer(docker, { project: 'otherproj', service: 'db', cmd: ['sleep', '600'] });
  });
  afterAll(async () => {
    await removeProject(docker, project);
    await removeProject(docker, 'otherproj');
  });

  it('finds the containers of one compose project with their service labels', async () => {
    const { state, source } = startSource();
    try {
      const s = await waitFor('two containers', () => state.get().instances.length === 2 && state.get());
      expect(s.docker.status).toBe('up');
      expect(s.docker.version).toMatch(/API 1\.\d+/);
      expect(s.instances.map((i) => [i.project, i.service, i.name, i.state])).toEqual([
        [project, 'api', `${project}-api-1`, 'running'],
        [project, 'worker', `${project}-worker-1`, 'running'],
      ]);
      expect(find(s, 'api')!.startedAt).toBeGreaterThan(Date.now() - 120_000);
    } finally {
      source.close();
    }
  });

  it('without a project sees every project', async () => {
    const { state, source } = startSource({ project: '' });
    try {
      const s = await waitFor('other project too', () => state.get().instances.some((i) => i.project === 'otherproj') && state.get());
      expect(s.instances.some((i) => i.project === project)).toBe(true);
    } finally {
      source.close();
    }
  });

  it('merges stdout and stderr of several services, ordered by Docker timestamp', async () => {
    const { feed, source } = startSource();
    try {
      await waitFor('lines from both services', () => {
        const services = new Set(feed.store.toArray().map((l) => l.service));
        return services.has('api') && services.has('worker') && feed.store.toArray().length > 10;
      });
      const merged = feed.store.toArray();
      for (let i = 1; i < merged.length; i++) expect(merged[i].ts).toBeGreaterThanOrEqual(merged[i - 1].ts);
      const err = merged.find((l) => l.text.startsWith('api err'));
      expect(err?.stream).toBe('stderr');
      expect(merged.find((l) => l.text.startsWith('api out'))?.stream).toBe('stdout');
      expect(merged.find((l) => l.service === 'worker')?.container).toBe(`${project}-worker-1`);
    } finally {
      source.close();
    }
  });

  it('shows a stop and a start made outside opsdeck within a second, from the event stream', async () => {
    const { state, source } = startSource({ refreshMs: 60_000 });
    // A long refresh interval proves the change came from events, not from polling.
    try {
      await waitFor('worker running', () => find(state.get(), 'worker')?.state === 'running');
      const worker = docker.getContainer(find(state.get(), 'worker')!.id);
      await worker.stop({ t: 0 });
      await waitFor('worker exited', () => find(state.get(), 'worker')?.state === 'exited', 3000);
      await worker.start();
      await waitFor('worker running again', () => find(state.get(), 'worker')?.state === 'running', 3000);
    } finally {
      source.close();
    }
  });

  it('reports CPU and memory of running containers', async () => {
    const { state, source } = startSource();
    try {
      const api = await waitFor('api', () => find(state.get(), 'api'));
      const stats = await waitFor('cpu figure', () => {
        const s = state.get().stats.get(api.id);
        return s?.cpuPercent !== undefined && s;
      }, 10_000);
      expect(stats.cpuPercent).toBeGreaterThanOrEqual(0);
      expect(stats.memBytes).toBeGreaterThan(0);
    } finally {
      source.close();
    }
  });
});
