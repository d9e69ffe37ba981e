// A Prober that needs nothing but this machine and, for container probes, a ContainerRuntime.
// The cockpit may wrap it to route postgres and kafka_lag probes to the checks and Kafka modules.
import { connect } from 'node:net';
import type { Probe } from '../schema';
import type { ContainerRuntime, ProbeOutcome, Prober } from '../engine/types';
import type { DockerProbe, ExecProbe } from '../schema-probe';
import { probeHttp } from './http-probe';
import { probeMetric } from './metric-probe';
import { runLocal } from '../executors/local-process';
import { quoteArgv, tail } from '../executors/render';

export function basicProber(runtime?: ContainerRuntime): Prober {
  return {
    probe(probe: Probe, signal: AbortSignal): Promise<ProbeOutcome> {
      switch (probe.type) {
        case 'http': return probeHttp(probe, signal);
        case 'metric': return probeMetric(probe, signal);
        case 'tcp': return probeTcp(probe.host, Number(probe.port), signal);
        case 'exec': return probeExec(probe, signal, runtime);
        case 'docker': return probeDocker(probe, runtime);
        default: return Promise.resolve({ pass: false, summary: `no prober for ${probe.type} checks is connected` });
      }
    },
  };
}

function probeTcp(host: string, port: number, signal: AbortSignal): Promise<ProbeOutcome> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, signal });
    socket.once('connect', () => { socket.destroy(); resolve({ pass: true, summary: `${host}:${port} accepts connections` }); });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve({ pass: false, summary: `${host}:${port}: ${error.code === 'ECONNREFUSED' ? 'connection refused' : error.message}` }));
  });
}

async function probeExec(probe: ExecProbe, signal: AbortSignal, runtime?: ContainerRuntime): Promise<ProbeOutcome> {
  const command = probe.shell ? ['sh', '-c', probe.command.join(' ')] : probe.command;
  let exitCode: number | undefined;
  let output: string;
  if (probe.service) {
    if (!runtime) return { pass: false, summary: 'no container runtime is connected' };
    const [id] = await runtime.findService(probe.service);
    if (!id) return { pass: false, summary: `no container found for service ${probe.service}` };
    ({ exitCode, output } = await runtime.exec(id, command, signal));
  } else {
    const result = await runLocal(command, { signal });
    if (result.problem) return { pass: false, summary: `${quoteArgv(command)}: ${result.problem}` };
    ({ exitCode, output } = result);
  }
  const problems = [
    exitCode !== probe.exit_code ? `exit code ${exitCode} (expected ${probe.exit_code})` : undefined,
    probe.contains !== undefined && !output.includes(probe.contains) ? `output lacks ${JSON.stringify(probe.contains)}` : undefined,
    probe.not_contains !== undefined && output.includes(probe.not_contains) ? `output contains ${JSON.stringify(probe.not_contains)}` : undefined,
  ].filter(Boolean);
  const last = tail(output, 200).split('\n').at(-1) ?? '';
  return { pass: problems.length === 0, summary: `${quoteArgv(command)}: ${problems.length ? problems.join('; ') : `exit ${exitCode}`}${last ? ` — ${last}` : ''}` };
}

async function probeDocker(probe: DockerProbe, runtime?: ContainerRuntime): Promise<ProbeOutcome> {
  if (!runtime) return { pass: false, summary: 'no container runtime is connected' };
  const ids = await runtime.findService(probe.service);
  if (ids.length === 0) return { pass: probe.state === 'absent', summary: `service ${probe.service} has no container` };
  const status = await runtime.inspect(ids[0]);
  const health = status.health ?? 'none';
  const pass = probe.state === status.state && (probe.health === undefined || probe.health === health);
  return { pass, summary: `${status.name} is ${status.state}${health !== 'none' ? ` (${health})` : ''}` };
}
