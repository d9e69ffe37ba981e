import type Docker from 'dockerode';
import type { Instance, InstanceDetails, InstanceState, HealthStatus } from '../runtime/types';
import { PROJECT_LABEL, SERVICE_LABEL } from './labels';

const STATES = new Set<InstanceState>(['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead']);

function time(value: string | undefined): number | undefined {
  if (!value || value.startsWith('0001-')) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

function ports(info: Docker.ContainerInspectInfo): string[] {
  const bound = info.NetworkSettings?.Ports ?? {};
  const out: string[] = [];
  for (const [port, bindings] of Object.entries(bound)) {
    if (!bindings?.length) continue;
    for (const b of bindings) out.push(`${b.HostIp && b.HostIp !== '0.0.0.0' ? `${b.HostIp}:` : ''}${b.HostPort}->${port}`);
  }
  if (out.length === 0) out.push(...Object.keys(info.Config?.ExposedPorts ?? {}));
  return [...new Set(out)].sort();
}

export function toInstance(info: Docker.ContainerInspectInfo): Instance {
  const labels = info.Config?.Labels ?? {};
  const name = info.Name.replace(/^\//, '');
  const state = (STATES.has(info.State?.Status as InstanceState) ? info.State.Status : 'unknown') as InstanceState;
  const health = info.State?.Health?.Status as HealthStatus | 'none' | undefined;
  return {
    id: info.Id,
    name,
    project: labels[PROJECT_LABEL],
    service: labels[SERVICE_LABEL] ?? name,
    image: info.Config?.Image ?? info.Image,
    state,
    health: health && health !== 'none' ? health : undefined,
    startedAt: time(info.State?.StartedAt),
    finishedAt: time(info.State?.FinishedAt),
    exitCode: info.State?.ExitCode,
    restarts: info.RestartCount ?? 0,
    ports: ports(info),
    tty: info.Config?.Tty ?? false,
    ...(info.State?.Running && info.State.Pid > 0 && { pid: info.State.Pid }),
    ...(Object.keys(labels).some((k) => k.startsWith('opsdeck.')) && { labels: Object.fromEntries(Object.entries(labels).filter(([k]) => k.startsWith('opsdeck.'))) }),
  };
}

const SECRET_NAME = /PASSWORD|PASSWD|SECRET|TOKEN|KEY|CREDENTIAL|PRIVATE/i;

export function maskEnv(entry: string): { name: string; value: string } {
  const eq = entry.indexOf('=');
  const name = eq === -1 ? entry : entry.slice(0, eq);
  const value = eq === -1 ? '' : entry.slice(eq + 1);
  return { name, value: SECRET_NAME.test(name) && value ? '••••••' : value };
}

export function toDetails(info: Docker.ContainerInspectInfo): InstanceDetails {
  const command = [...(info.Config?.Entrypoint ? [info.Config.Entrypoint].flat() : []), ...(info.Config?.Cmd ?? [])].join(' ');
  return {
    instance: toInstance(info),
    command,
    env: (info.Config?.Env ?? []).map(maskEnv),
    mounts: (info.Mounts ?? []).map((m) => `${m.Source} -> ${m.Destination}${m.RW ? '' : ' (ro)'}`),
    labels: info.Config?.Labels ?? {},
    healthLog: (info.State?.Health?.Log ?? []).map((entry) => ({
      at: time(entry.End) ?? 0,
      exitCode: entry.ExitCode,
      output: entry.Output,
    })),
  };
}
