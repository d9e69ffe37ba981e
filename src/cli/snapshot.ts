// One look at the engine: the containers in scope, inspected. Shared by `status` and `logs`.
import type Docker from 'dockerode';
import { connectDocker } from '../docker/connect';
import { toInstance } from '../docker/instance';
import { PROJECT_LABEL } from '../docker/labels';
import { sortInstances } from '../store/app-state';
import type { Instance } from '../runtime/types';

export async function snapshot(host: string, project?: string): Promise<{ docker: Docker; instances: Instance[] }> {
  const docker = connectDocker(host);
  const filters = project ? { label: [`${PROJECT_LABEL}=${project}`] } : undefined;
  const summaries = await docker.listContainers({ all: true, filters });
  const inspected = await Promise.all(summaries.map((s) => docker.getContainer(s.Id).inspect().catch(() => undefined)));
  return { docker, instances: sortInstances(inspected.filter((i): i is Docker.ContainerInspectInfo => !!i).map(toInstance)) };
}
