// `opsdeck demo --docker`: the demo stack (stack.ts: same services, env, free ports and scratch
// directory) as labelled containers on a Docker engine, started in dependency order (each waits
// until the services it depends on answer their health probe), and removed again by label.
import type Docker from 'dockerode';
import { PROJECT_LABEL } from '../docker/labels';
import { probeHealth } from '../process/health-probe';
import type { ServiceDef } from '../process/config-schema';
import { demoBundleDir, demoStack, type DemoStack } from './stack';
import { ensureDemoImage } from './docker-image';
import { containerOptions, DOCKER_PROJECT, runtimeBinds } from './docker-container';

export interface DockerDemo {
  stack: DemoStack;
  project: string;
  /** Container id per service. */
  containers: Map<string, string>;
}

/** Removes every container of the demo project (a recreated one's renamed predecessor too). */
export async function removeDemoContainers(docker: Docker): Promise<number> {
  const list = await docker.listContainers({ all: true, filters: { label: [`${PROJECT_LABEL}=${DOCKER_PROJECT}`] } });
  await Promise.all(list.map((c) => docker.getContainer(c.Id).remove({ force: true }).catch((error: { statusCode?: number }) => {
    if (error.statusCode !== 404) throw error;
  })));
  return list.length;
}

async function waitHealthy(def: ServiceDef, timeoutMs: number): Promise<void> {
  if (!def.health) return;
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const result = await probeHealth(def.health, def.env);
    if (result.ok) return;
    last = result.output;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${def.name} did not become healthy within ${timeoutMs / 1000} s (${last})`);
}

export async function startDockerDemo(docker: Docker, options: { rate?: number; readyTimeoutMs?: number } = {}): Promise<DockerDemo> {
  await ensureDemoImage(docker);
  await removeDemoContainers(docker); // left over from a run that was killed
  const stack = await demoStack({ rate: options.rate });
  const binds = runtimeBinds(demoBundleDir(), stack.dir);
  const containers = new Map<string, string>();
  const readyTimeoutMs = options.readyTimeoutMs ?? 30_000;
  const started = new Map<string, Promise<void>>();
  const start = (def: ServiceDef): Promise<void> => {
    let done = started.get(def.name);
    if (!done) {
      done = (async () => {
        await Promise.all(def.depends_on.map((dep) => start(stack.services.find((s) => s.name === dep)!)));
        const container = await docker.createContainer(containerOptions(def, binds));
        containers.set(def.name, container.id);
        await container.start();
        await waitHealthy(def, readyTimeoutMs);
      })();
      started.set(def.name, done);
    }
    return done;
  };
  try {
    await Promise.all(stack.services.map(start));
  } catch (error) {
    await stopDockerDemo(docker, { stack, project: DOCKER_PROJECT, containers }).catch(() => undefined);
    throw error;
  }
  return { stack, project: DOCKER_PROJECT, containers };
}

/** Removes the demo's containers (the image stays) and its scratch directory. */
export async function stopDockerDemo(docker: Docker, demo: DockerDemo): Promise<void> {
  try {
    await removeDemoContainers(docker);
  } finally {
    demo.stack.dispose();
  }
}
