// A runbook `postgres` probe through the health checks' Postgres probe (SELECT 1, connections
// in use, replica lag), so a runbook step and the health pane judge a database the same way.
import type { ProbeOutcome } from '../engine/types';
import type { Probe } from '../schema';
import type { PostgresCheckSpec } from '../../checks/types';
import { probePostgres } from '../../checks/postgres-probe';

type PostgresProbe = Extract<Probe, { type: 'postgres' }>;

/** The step's timeout bounds the probe through `signal`; this is only its own upper limit. */
const PROBE_TIMEOUT_MS = 30_000;

export async function probePostgresStep(probe: PostgresProbe, signal: AbortSignal, env?: Record<string, string | undefined>): Promise<ProbeOutcome> {
  const spec: PostgresCheckSpec = {
    type: 'postgres', name: `${probe.host}:${probe.port}`, interval: 0, timeout: PROBE_TIMEOUT_MS,
    host: probe.host, port: Number(probe.port), user: probe.user, password: probe.password, database: probe.database,
    connections_degraded_at: 0.8, replication_lag_degraded: 30_000,
  };
  const result = await probePostgres(spec, { signal, env });
  const where = `${probe.user}@${probe.host}:${probe.port}/${probe.database}`;
  const fields = result.detail ? Object.fromEntries(Object.entries(result.detail).map(([k, v]) => [k, String(v)])) : undefined;
  const ms = result.latencyMs === undefined ? '' : ` in ${Math.round(result.latencyMs)} ms`;
  if (result.state === 'down') return { pass: false, summary: `Postgres ${where}: ${result.error ?? 'down'}`, fields };
  // Degraded (many connections, replica behind) still answers: the step passes and says why it is degraded.
  return { pass: true, summary: `Postgres ${where} answers${ms}${result.error ? `; degraded: ${result.error}` : ''}`, fields };
}
