import type { CheckResult, CheckState, DockerCheckSpec, DockerHealthStatus, ProbeContext } from './types';
import { deadline, untilAborted } from './deadline';
import { timeoutInWords } from './network-errors';
import { messageOf } from './words';

const STATES: Record<DockerHealthStatus, CheckState> = {
  healthy: 'ok',
  unhealthy: 'down',
  starting: 'degraded',
  none: 'unknown',
};

/** Maps the container's Docker health status; the lookup itself is supplied by the caller. Never throws. */
export async function probeDocker(spec: DockerCheckSpec, ctx: ProbeContext): Promise<CheckResult> {
  const started = performance.now();
  const at = () => Date.now();
  if (!ctx.dockerHealth) return { state: 'unknown', error: 'no Docker connection to ask', at: at() };
  const time = deadline(ctx.signal, spec.timeout);
  try {
    const health = await Promise.race([ctx.dockerHealth(spec.container, time.signal), untilAborted(time.signal)]);
    const state = STATES[health.status] ?? 'unknown';
    const latencyMs = performance.now() - started;
    const detail = { health: health.status };
    if (state === 'down') return { state, latencyMs, detail, error: `unhealthy${health.output ? `: ${health.output.trim().slice(0, 200)}` : ''}`, at: at() };
    if (state === 'degraded') return { state, latencyMs, detail, error: 'health check starting', at: at() };
    if (state === 'unknown') return { state, latencyMs, detail, error: 'container defines no health check', at: at() };
    return { state, latencyMs, detail, at: at() };
  } catch (err) {
    const error = time.timedOut() ? timeoutInWords(spec.timeout) : ctx.signal.aborted ? 'cancelled' : messageOf(err);
    return { state: 'down', latencyMs: performance.now() - started, error, at: at() };
  }
}
