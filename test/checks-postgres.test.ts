import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probePostgres } from '../src/checks/postgres-probe';
import type { CheckResult, PostgresCheckSpec } from '../src/checks/types';
import { freePort, startPostgres, startReplica, type PrivatePostgres } from './harness/postgres';

let primary: PrivatePostgres;
let replica: PrivatePostgres;

beforeAll(async () => {
  primary = await startPostgres();
  replica = await startReplica(primary);
}, 120_000);

afterAll(async () => {
  await replica?.stop();
  await primary?.stop();
});

function spec(cluster: PrivatePostgres, extra: Partial<PostgresCheckSpec> = {}): PostgresCheckSpec {
  return {
    name: 'postgres', type: 'postgres', interval: 15_000, timeout: 5_000,
    host: cluster.host, port: cluster.port, user: '${PGUSER_TEST}', password: '${PGPASSWORD_TEST}', database: 'postgres',
    connections_degraded_at: 0.8, replication_lag_degraded: 30_000, ...extra,
  };
}

const env = () => ({ PGUSER_TEST: primary.user, PGPASSWORD_TEST: primary.password });
const probe = (s: PostgresCheckSpec, e: Record<string, string | undefined> = env()) =>
  probePostgres(s, { signal: new AbortController().signal, env: e });
const leaks = (result: CheckResult) => JSON.stringify(result).includes(primary.password);

describe('postgres probe against a private PostgreSQL 15', () => {
  it('reports the server version, connections in use and the primary role', async () => {
    const result = await probe(spec(primary));
    expect(result.state).toBe('ok');
    expect(String(result.detail?.version)).toMatch(/^15\./);
    expect(result.detail?.role).toBe('primary');
    expect(result.detail?.max_connections).toBe(100);
    expect(Number(result.detail?.connections)).toBeGreaterThanOrEqual(1);
    expect(result.detail?.replication_lag_ms).toBeUndefined();
    expect(leaks(result)).toBe(false);
  });

  it('reports a replica with its replication lag', async () => {
    const result = await probe(spec(replica));
    expect(result.state).toBe('ok');
    expect(result.detail?.role).toBe('replica');
    expect(result.detail?.replication_lag_ms).toBeTypeOf('number');
  });

  it('is degraded when connections in use pass the threshold', async () => {
    const result = await probe(spec(primary, { connections_degraded_at: 0.001 }));
    expect(result.state).toBe('degraded');
    expect(result.error).toMatch(/^\d+ of 100 connections in use \(over 0 %\)$/);
  });

  it('says the password was refused without ever showing a password', async () => {
    const wrong = `${primary.password}-wrong`;
    const result = await probe(spec(primary), { PGUSER_TEST: primary.user, PGPASSWORD_TEST: wrong });
    expect(result.state).toBe('down');
    expect(result.error).toBe(`password authentication failed for user "${primary.user}"`);
    expect(JSON.stringify(result)).not.toContain(wrong);
    expect(leaks(result)).toBe(false);
  });

  it('names a missing environment variable instead of connecting', async () => {
    const result = await probe(spec(primary), { PGUSER_TEST: primary.user });
    expect(result).toMatchObject({ state: 'down', error: 'password: environment variable PGPASSWORD_TEST is not set' });
  });

  it('says connection refused when nothing listens', async () => {
    const port = await freePort();
    const result = await probe(spec(primary, { port }));
    expect(result).toMatchObject({ state: 'down', error: `connection refused by 127.0.0.1:${port}` });
    expect(leaks(result)).toBe(false);
  });

  it('names a database that does not exist', async () => {
    const result = await probe(spec(primary, { database: 'no_such_db' }));
    expect(result).toMatchObject({ state: 'down', error: 'database "no_such_db" does not exist' });
  });
});
