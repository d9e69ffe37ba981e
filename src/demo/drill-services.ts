// What the drills do to the demo's services and read of them, by service name, over the runbook
// engine's ContainerRuntime: local processes (ProcessRuntime) or the containers of `demo --docker`
// (DockerRuntime). The runbook a drill hands over runs on the same runtime and project.
import type { ContainerRuntime, ContainerStatus } from '../runbooks/engine/types';
import type { ProcessSource } from '../process/process-source';
import { ProcessRuntime } from '../process/process-runtime';
import { until } from './until';

export interface DrillServices {
  runtime: ContainerRuntime;
  project: string;
}

/** The process demo's services (project "demo"). */
export const processDrillServices = (source: ProcessSource): DrillServices => ({ runtime: new ProcessRuntime(source, 'demo'), project: 'demo' });

async function only({ runtime, project }: DrillServices, service: string): Promise<string> {
  const [id] = await runtime.findService(service);
  if (!id) throw new Error(`no ${service} in project ${project}`);
  return id;
}

export const serviceStatus = async (s: DrillServices, service: string) => s.runtime.inspect(await only(s, service));
export const stopService = async (s: DrillServices, service: string) => s.runtime.stop(await only(s, service));
export const startService = async (s: DrillServices, service: string) => s.runtime.start(await only(s, service));
export const restartService = async (s: DrillServices, service: string) => s.runtime.restart(await only(s, service));
export const recreateService = async (s: DrillServices, service: string, env: Record<string, string>) => { await s.runtime.recreate(await only(s, service), env); };

/** Healthy, or running for a service without a health check. */
export const isReady = (status: ContainerStatus) => status.state === 'running' && (status.health === undefined || status.health === 'healthy');

export async function waitReady(s: DrillServices, service: string, timeoutMs: number): Promise<void> {
  let last: ContainerStatus | undefined;
  const ready = await until(async () => { last = await serviceStatus(s, service).catch(() => undefined); return last !== undefined && isReady(last); }, timeoutMs, 200);
  if (!ready) throw new Error(`${service} is not ready after ${timeoutMs / 1000} s (${last ? [last.state, last.health].filter(Boolean).join(', ') : 'not found'})`);
}
