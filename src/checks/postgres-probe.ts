import pg from 'pg';
import type { CheckResult, PostgresCheckSpec, ProbeContext } from './types';
import { deadline, untilAborted } from './deadline';
import { expandFields } from './env-refs';
import { describeNetworkError, timeoutInWords } from './network-errors';
import { durationInWords, messageOf, redact } from './words';

const STATS_SQL = `
SELECT current_setting('server_version') AS version,
       current_setting('max_connections')::int AS max_connections,
       (SELECT count(*)::int FROM pg_stat_activity WHERE backend_type = 'client backend') AS connections,
       pg_is_in_recovery() AS replica,
       CASE WHEN NOT pg_is_in_recovery() THEN NULL
            WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
            ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()) * 1000
       END AS lag_ms`;

interface Stats {
  version: string;
  max_connections: number;
  connections: number;
  replica: boolean;
  lag_ms: string | number | null;
}

/** Connects, runs SELECT 1, and reads version, connection use and replica lag. Never throws. */
export async function probePostgres(spec: PostgresCheckSpec, ctx: ProbeContext): Promise<CheckResult> {
  const started = performance.now();
  const env = ctx.env ?? process.env;
  let conn: PostgresCheckSpec;
  try {
    conn = expandFields(spec, ['host', 'user', 'password', 'database'], env);
  } catch (err) {
    return { state: 'down', error: redact(messageOf(err), [spec.password]), at: Date.now() };
  }
  const secrets = [spec.password, conn.password];
  const time = deadline(ctx.signal, spec.timeout);
  const client = new pg.Client({
    host: conn.host, port: conn.port, user: conn.user, password: conn.password, database: conn.database,
    connectionTimeoutMillis: spec.timeout, query_timeout: spec.timeout, application_name: 'opsdeck',
  });
  client.on('error', () => undefined);
  const abandon = untilAborted(time.signal);
  abandon.catch(() => undefined);
  try {
    await Promise.race([client.connect(), abandon]);
    await Promise.race([client.query('SELECT 1'), abandon]);
    const latencyMs = performance.now() - started;
    const { rows } = await Promise.race([client.query<Stats>(STATS_SQL), abandon]);
    return judge(spec, rows[0], latencyMs);
  } catch (err) {
    const error = time.timedOut() ? timeoutInWords(spec.timeout)
      : ctx.signal.aborted ? 'cancelled'
      : (err as { code?: string }).code?.length === 5 ? messageOf(err)
      : describeNetworkError(err, conn.host);
    return { state: 'down', latencyMs: performance.now() - started, error: redact(error, secrets), at: Date.now() };
  } finally {
    client.end().catch(() => undefined);
  }
}

function judge(spec: PostgresCheckSpec, stats: Stats, latencyMs: number): CheckResult {
  const lagMs = stats.lag_ms === null ? undefined : Number(stats.lag_ms);
  const detail: Record<string, string | number> = {
    version: stats.version,
    connections: stats.connections,
    max_connections: stats.max_connections,
    role: stats.replica ? 'replica' : 'primary',
  };
  if (lagMs !== undefined && Number.isFinite(lagMs)) detail.replication_lag_ms = Math.max(0, Math.round(lagMs));
  const problems: string[] = [];
  const share = stats.connections / stats.max_connections;
  if (share > spec.connections_degraded_at) {
    problems.push(`${stats.connections} of ${stats.max_connections} connections in use (over ${Math.round(spec.connections_degraded_at * 100)} %)`);
  }
  if (stats.replica && lagMs === undefined) problems.push('replica has not replayed any transaction yet');
  if (lagMs !== undefined && lagMs > spec.replication_lag_degraded) {
    problems.push(`replication lag ${durationInWords(lagMs)} (over ${durationInWords(spec.replication_lag_degraded)})`);
  }
  const base = { latencyMs, detail, at: Date.now() };
  return problems.length > 0 ? { ...base, state: 'degraded', error: problems.join('; ') } : { ...base, state: 'ok' };
}
