// `docker` checks read the container's own health from what the Docker source already knows,
// rather than asking the engine again; the last health-check output comes from an inspect,
// only when the container is unhealthy.
import type { DockerHealth, DockerHealthSource } from '../checks/types';
import type { Instance, InstanceDetails } from '../runtime/types';

export interface DockerHealthOptions {
  instances: () => Instance[];
  /** Docker's connection state: a check against an unreachable engine says so. */
  engineError?: () => string | undefined;
  details?: (id: string) => Promise<InstanceDetails>;
}

/** Finds the container by name, service or id prefix; a running one wins over a stopped replica. */
export function findContainer(instances: Instance[], container: string): Instance | undefined {
  const matches = instances.filter((i) => i.name === container || i.service === container || (container.length >= 12 && i.id.startsWith(container)));
  return matches.find((i) => i.state === 'running') ?? matches[0];
}

export function dockerHealthFrom(options: DockerHealthOptions): DockerHealthSource {
  return async (container) => {
    const engineError = options.engineError?.();
    if (engineError) throw new Error(`Docker unreachable: ${engineError}`);
    const instance = findContainer(options.instances(), container);
    if (!instance) throw new Error(`no container ${container}`);
    if (instance.state !== 'running') {
      const exit = instance.exitCode !== undefined && instance.state === 'exited' ? ` (exit ${instance.exitCode})` : '';
      throw new Error(`container ${instance.name} is ${instance.state}${exit}`);
    }
    const health: DockerHealth = { status: instance.health ?? 'none' };
    if (health.status === 'unhealthy' && options.details) {
      const log = await options.details(instance.id).then((d) => d.healthLog, () => []);
      health.output = log[log.length - 1]?.output;
    }
    return health;
  };
}
