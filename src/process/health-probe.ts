// One health probe of a process service: HTTP 2xx, a TCP connect, or a command exiting 0.
import { connect } from 'node:net';
import { execa } from 'execa';
import type { ProcessHealth } from './config-schema';

export interface ProbeResult {
  ok: boolean;
  output: string;
}

export async function probeHealth(health: ProcessHealth, env: Record<string, string>, cwd?: string): Promise<ProbeResult> {
  const signal = AbortSignal.timeout(health.timeout);
  try {
    if (health.http) {
      const response = await fetch(health.http, { signal });
      const body = (await response.text()).slice(0, 200);
      return { ok: response.ok, output: `HTTP ${response.status} ${body}`.trim() };
    }
    if (health.tcp) return await probeTcp(health.tcp, signal);
    const [file, ...args] = health.exec!;
    const result = await execa(file, args, { env, cwd, reject: false, all: true, cancelSignal: signal, stdin: 'ignore' });
    return { ok: result.exitCode === 0, output: String(result.all ?? '').slice(-200) };
  } catch (error) {
    return { ok: false, output: signal.aborted ? `no answer within ${health.timeout} ms` : (error as Error).message };
  }
}

function probeTcp(target: string, signal: AbortSignal): Promise<ProbeResult> {
  const at = target.lastIndexOf(':');
  return new Promise((resolve) => {
    const socket = connect({ host: target.slice(0, at), port: Number(target.slice(at + 1)), signal });
    socket.once('connect', () => { socket.destroy(); resolve({ ok: true, output: `${target} accepts connections` }); });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve({ ok: false, output: `${target}: ${error.code ?? error.message}` }));
  });
}
