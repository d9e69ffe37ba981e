// The runbook engine's ContainerRuntime over a ProcessSource: runbooks restart, stop, start and
// "recreate with changed env" (a restart with the new env) local processes, and exec runs a
// command in a service's env and cwd.
import { execa } from 'execa';
import type { ContainerRuntime, ContainerStatus } from '../runbooks/engine/types';
import type { ProcessSource } from './process-source';

export class ProcessRuntime implements ContainerRuntime {
  constructor(private readonly source: ProcessSource, private readonly project?: string) {}

  async findService(service: string, project?: string): Promise<string[]> {
    if (project !== undefined && this.project !== undefined && project !== this.project) return [];
    return this.source.services.has(service) ? [service] : [];
  }

  async inspect(id: string): Promise<ContainerStatus> {
    const service = this.source.services.get(id);
    if (!service) throw new Error(`no service ${id}`);
    return { id, name: id, state: service.state, health: service.health, env: { ...service.def.env }, restarts: service.restarts };
  }

  restart(id: string): Promise<void> { return this.source.restart(id); }
  stop(id: string): Promise<void> { return this.source.stop(id); }
  start(id: string): Promise<void> { return this.source.start(id); }

  async recreate(id: string, envChanges: Record<string, string | undefined>): Promise<string> {
    await this.source.recreate(id, envChanges);
    return id;
  }

  async exec(id: string, argv: string[], signal?: AbortSignal): Promise<{ exitCode: number; output: string }> {
    const service = this.source.services.get(id);
    if (!service) throw new Error(`no service ${id}`);
    const [file, ...args] = argv;
    const result = await execa(file, args, { env: service.env, extendEnv: false, cwd: service.def.cwd, all: true, reject: false, cancelSignal: signal, stdin: 'ignore' });
    return { exitCode: result.exitCode ?? 127, output: String(result.all ?? result.shortMessage ?? '') };
  }
}
