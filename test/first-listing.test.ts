import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { inject } from 'vitest';
import { primeFirstListing, seedFirstListing } from '../src/docker/first-listing';
import { DockerSource } from '../src/docker/docker-source';
import { createStore } from '../src/store/store';
import { initialState, type AppState } from '../src/store/app-state';
import { LogFeed } from '../src/logs/log-feed';
import { testDocker, runContainer, removeProject } from './harness/containers';

const project = 'firstlist';
const docker = testDocker();
const newState = () => createStore<AppState>(initialState(inject('dockerHost')), 0);

describe('the early first listing', () => {
  beforeAll(async () => {
    await removeProject(docker, project);
    await runContainer(docker, { project, service: 'web', cmd: ['sleep', '600'] });
    await runContainer(docker, { project, service: 'api', cmd: ['sleep', '600'] });
    await runContainer(docker, { project: 'firstother', service: 'db', cmd: ['sleep', '600'] });
  });
  afterAll(async () => {
    await removeProject(docker, project);
    await removeProject(docker, 'firstother');
  });

  it('lists the project the way DockerSource does, which then keeps those instances', async () => {
    primeFirstListing(inject('dockerHost'), project);
    const state = newState();
    await seedFirstListing(state, inject('dockerHost'), project);
    const seeded = state.get();
    expect(seeded.docker).toMatchObject({ status: 'up', version: expect.stringMatching(/API 1\.\d+/) });
    expect(seeded.instances.map((i) => [i.service, i.name, i.state])).toEqual([
      ['api', `${project}-api-1`, 'running'],
      ['web', `${project}-web-1`, 'running'],
    ]);

    const source = new DockerSource({ host: inject('dockerHost'), project, refreshMs: 200, logs: { tail: 10, maxLineBytes: 4096, keepColor: false } }, state, new LogFeed(100, 5));
    source.open();
    try {
      await new Promise((resolve) => setTimeout(resolve, 600)); // a few refreshes of its own
      expect(state.get().docker.status).toBe('up');
      expect(state.get().instances).toEqual(seeded.instances);
    } finally {
      source.close();
    }
  });

  it('does not overwrite what the source has said by then, and is taken once', async () => {
    primeFirstListing(inject('dockerHost'), project);
    const state = newState();
    state.set((s) => ({ ...s, docker: { ...s.docker, status: 'down', error: 'connection refused' } }));
    await seedFirstListing(state, inject('dockerHost'), project);
    expect(state.get().instances).toEqual([]);
    expect(state.get().docker.status).toBe('down');

    const again = newState();
    await seedFirstListing(again, inject('dockerHost'), project);
    expect(again.get().instances).toEqual([]);
  });

  it('leaves an engine it cannot reach, or a host it cannot read, to DockerSource', async () => {
    for (const host of ['unix:///nonexistent/docker.sock', 'not a url', 'https://127.0.0.1:1']) {
      primeFirstListing(host, project);
      const state = newState();
      await seedFirstListing(state, host, project);
      expect(state.get().docker.status).toBe('connecting');
    }
  });
});
