import type { CheckResult, CheckSpec, ProbeContext } from './types';
import { probeHttp } from './http-probe';
import { probeTcp } from './tcp-probe';
import { probePostgres } from './postgres-probe';
import { probeExec } from './exec-probe';
import { probeDocker } from './docker-probe';
import { messageOf } from './words';
import type { ScheduledCheck } from './scheduler';

type Probe<S> = (spec: S, ctx: ProbeContext) => Promise<CheckResult>;

const PROBES: { [T in CheckSpec['type']]: Probe<Extract<CheckSpec, { type: T }>> } = {
  http: probeHttp,
  tcp: probeTcp,
  postgres: probePostgres,
  exec: probeExec,
  docker: probeDocker,
};

/** Runs the probe for the spec's type. A probe that throws anyway is reported, not rethrown. */
export async function runProbe(spec: CheckSpec, ctx: ProbeContext): Promise<CheckResult> {
  const probe = PROBES[spec.type] as Probe<CheckSpec>;
  try {
    return await probe(spec, ctx);
  } catch (err) {
    return { state: 'down', error: `probe failed: ${messageOf(err)}`, at: Date.now() };
  }
}

/** A spec as the scheduler runs it: its own interval and timeout, the probe given the run's signal. */
export function scheduledCheck(spec: CheckSpec, ctx: Omit<ProbeContext, 'signal'>): ScheduledCheck {
  return {
    id: spec.name,
    intervalMs: spec.interval,
    timeoutMs: spec.timeout,
    run: (signal) => runProbe(spec, { ...ctx, signal }),
  };
}
