import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { inject } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { engineReads } from '../src/docker/engine-reads';
import { connectDocker, dockerErrorText } from '../src/docker/connect';
import { PROJECT_LABEL } from '../src/docker/labels';
import { testDocker, runContainer, removeProject } from './harness/containers';

const project = 'readsproj';
const docker = testDocker();

describe('the per-refresh engine reads (keep-alive pool) against a real engine', () => {
  beforeAll(async () => {
    await removeProject(docker, project);
    await runContainer(docker, { project, service: 'api', cmd: ['sleep', '600'] });
  });
  afterAll(() => removeProject(docker, project));

  it('lists by label and samples one-shot stats, as dockerode would', async () => {
    const reads = engineReads(inject('dockerHost'), connectDocker(inject('dockerHost')));
    try {
      const listed = await reads.list({ label: [`${PROJECT_LABEL}=${project}`] });
      expect(listed.map((c) => c.Names[0])).toEqual([`/${project}-api-1`]);
      const stats = await reads.stats(listed[0].Id);
      expect(stats.memory_stats.usage).toBeGreaterThan(0);
      expect(stats.cpu_stats.cpu_usage.total_usage).toBeGreaterThan(0);
    } finally {
      reads.close();
    }
  });

  it('says what Docker said for a container that is gone, and names a missing socket', async () => {
    const reads = engineReads(inject('dockerHost'), connectDocker(inject('dockerHost')));
    try {
      const error = await reads.stats('no-such-container').catch((e: unknown) => e);
      expect(dockerErrorText(error)).toMatch(/^No such container: no-such-container \(HTTP 404\)$/);
    } finally {
      reads.close();
    }
    const nowhere = engineReads('unix:///nonexistent/docker.sock', connectDocker('unix:///nonexistent/docker.sock'));
    expect(dockerErrorText(await nowhere.list().catch((e: unknown) => e))).toBe('cannot connect to Docker at /nonexistent/docker.sock: no such socket');
    nowhere.close();
  });

  it('gives up on an engine that does not answer, with the time it waited', async () => {
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const host = `tcp://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const reads = engineReads(host, connectDocker(host), 300);
    try {
      expect(dockerErrorText(await reads.list().catch((e: unknown) => e))).toBe('Docker did not answer /containers/json within 300 ms');
    } finally {
      reads.close();
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
