// Labelled busybox containers on the private engine, as Docker Compose would label them.
import Docker from 'dockerode';
import { realpathSync } from 'node:fs';
import { inject } from 'vitest';
import { BUSYBOX_IMAGE } from './dockerd';
import { PROJECT_LABEL, SERVICE_LABEL } from '../../src/docker/labels';

export function testDocker(): Docker {
  return new Docker({ socketPath: inject('dockerSocket') });
}

export interface RunOptions {
  project: string;
  service: string;
  name?: string;
  cmd: string[];
  env?: string[];
  binds?: string[];
  healthcheck?: Docker.HealthConfig;
  tty?: boolean;
  restart?: 'no' | 'always' | 'on-failure';
}

export async function runContainer(docker: Docker, options: RunOptions): Promise<Docker.Container> {
  const container = await docker.createContainer({
    Image: BUSYBOX_IMAGE,
    name: options.name ?? `${options.project}-${options.service}-1`,
    Cmd: options.cmd,
    Env: options.env,
    Tty: options.tty ?? false,
    Labels: { [PROJECT_LABEL]: options.project, [SERVICE_LABEL]: options.service },
    Healthcheck: options.healthcheck,
    HostConfig: { NetworkMode: 'host', Binds: options.binds, RestartPolicy: { Name: options.restart ?? 'no' } },
  });
  await container.start();
  return container;
}

/** Bind mounts that let a busybox container run the host's Node binary. */
export function nodeBinds(script: string): string[] {
  return [
    `${realpathSync(process.execPath)}:/usr/local/bin/node:ro`,
    '/lib:/lib:ro', '/lib64:/lib64:ro', '/usr/lib:/usr/lib:ro',
    `${script}:/app/server.js:ro`,
  ];
}

export async function removeProject(docker: Docker, project: string): Promise<void> {
  const list = await docker.listContainers({ all: true, filters: { label: [`${PROJECT_LABEL}=${project}`] } });
  await Promise.all(list.map((c) => docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined)));
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}
