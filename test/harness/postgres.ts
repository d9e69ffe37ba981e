// A private PostgreSQL cluster for tests: initdb in a temp dir, started with pg_ctl on a
// free 127.0.0.1 port, with a password-authenticated test role. When running as root the
// server runs as the `postgres` OS user (PostgreSQL refuses to run as root).
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface PrivatePostgres {
  host: string;
  port: number;
  /** A LOGIN role that must give its password over TCP. */
  user: string;
  password: string;
  database: string;
  /** Runs SQL as the superuser over the cluster's Unix socket. */
  query(sql: string): Promise<pg.QueryResult>;
  stop(): Promise<void>;
}

interface OsUser {
  uid: number;
  gid: number;
}

function pgBinDir(): string {
  if (process.env.PG_BINDIR) return process.env.PG_BINDIR;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const initdb = join(dir, 'initdb');
    if (existsSync(initdb)) return dirname(realpathSync(initdb));
  }
  return '/usr/lib/postgresql/15/bin';
}

function run(bin: string, args: string[], as: OsUser | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(join(pgBinDir(), bin), args, {
      ...(as ?? {}),
      env: { PATH: process.env.PATH, LC_ALL: 'C', HOME: tmpdir() },
      timeout: 60_000,
    }, (err, stdout, stderr) => (err ? reject(new Error(`${bin} failed: ${err.message}\n${stderr}`)) : resolve(stdout)));
  });
}

async function osUser(name: string): Promise<OsUser | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => new Promise<number>((resolve, reject) => {
    execFile('id', [flag, name], (err, out) => (err ? reject(err) : resolve(Number(out.trim()))));
  });
  return { uid: await id('-u'), gid: await id('-g') };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function tempDir(prefix: string, as: OsUser | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (as) chownSync(dir, as.uid, as.gid);
  return dir;
}

async function startServer(dir: string, as: OsUser | undefined): Promise<number> {
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  await run('pg_ctl', ['-D', join(dir, 'data'), '-l', join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start'], as);
  return port;
}

function handle(dir: string, port: number, as: OsUser | undefined, role: { user: string; password: string }): PrivatePostgres {
  return {
    host: '127.0.0.1',
    port,
    ...role,
    database: 'postgres',
    async query(sql) {
      const client = new pg.Client({ host: dir, port, user: 'postgres', database: 'postgres' });
      await client.connect();
      try {
        return await client.query(sql);
      } finally {
        await client.end();
      }
    },
    async stop() {
      await run('pg_ctl', ['-D', join(dir, 'data'), '-m', 'fast', '-w', 'stop'], as).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** initdb + pg_ctl start, then a test role with a random password. */
export async function startPostgres(): Promise<PrivatePostgres> {
  const as = await osUser('postgres');
  const dir = tempDir('opsdeck-pg-', as);
  const role = { user: 'opsdeck_test', password: `pw-${randomBytes(12).toString('hex')}` };
  try {
    await run('initdb', ['-D', join(dir, 'data'), '-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256', '--locale=C', '--encoding=UTF8', '--no-sync'], as);
    const port = await startServer(dir, as);
    const cluster = handle(dir, port, as, role);
    await cluster.query(`CREATE ROLE ${role.user} LOGIN PASSWORD '${role.password}'`);
    return cluster;
  } catch (err) {
    await run('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', 'stop'], as).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** A streaming replica of `primary` (pg_basebackup -R), with the same test role. */
export async function startReplica(primary: PrivatePostgres): Promise<PrivatePostgres> {
  const as = await osUser('postgres');
  const dir = tempDir('opsdeck-pg-replica-', as);
  const primarySocket = (await primary.query(`SELECT current_setting('unix_socket_directories') AS dir`)).rows[0].dir as string;
  try {
    await run('pg_basebackup', ['-h', primarySocket, '-p', String(primary.port), '-U', 'postgres', '-D', join(dir, 'data'), '-R', '-X', 'stream', '--no-sync'], as);
    const port = await startServer(dir, as);
    return handle(dir, port, as, { user: primary.user, password: primary.password });
  } catch (err) {
    await run('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', 'stop'], as).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
