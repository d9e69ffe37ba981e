// One run per scope (e.g. per service): a lock file naming its holder (user@host, pid, run) with
// a heartbeat. A lock whose heartbeat stopped, or whose pid is gone on this host, is stale and
// can be taken over once the operator confirms.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import { join } from 'node:path';
import { whoAmI } from '../../audit/journal';

export interface LockHolder {
  holder: string;
  host: string;
  pid: number;
  runId: string;
  runbook: string;
  scope: string;
  acquiredAt: string;
  heartbeatAt: string;
}

export interface LockOptions {
  dir: string;
  scope: string;
  runId: string;
  runbook: string;
  staleAfterMs?: number;
  heartbeatMs?: number;
  /** Asked before taking over a stale lock; `why` says why it is stale. */
  confirmTakeover(holder: LockHolder, why: string): Promise<boolean>;
}

export type LockResult = { lock: ScopeLock; tookOver?: LockHolder } | { held: LockHolder; stale?: string };

export function locksDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_STATE_HOME || join(homedir(), '.local', 'state'), 'opsdeck', 'locks');
}

export class ScopeLock {
  private readonly timer: NodeJS.Timeout;

  constructor(readonly path: string, private holder: LockHolder, heartbeatMs: number) {
    this.timer = setInterval(() => this.beat(), heartbeatMs);
    this.timer.unref();
  }

  private beat(): void {
    if (readHolder(this.path)?.runId !== this.holder.runId) return clearInterval(this.timer);
    this.holder = { ...this.holder, heartbeatAt: new Date().toISOString() };
    writeAtomically(this.path, this.holder);
  }

  release(): void {
    clearInterval(this.timer);
    if (readHolder(this.path)?.runId === this.holder.runId) rmSync(this.path, { force: true });
  }
}

export async function acquireLock(options: LockOptions): Promise<LockResult> {
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const path = join(options.dir, `${options.scope.replace(/[^A-Za-z0-9._-]+/g, '_')}.lock`);
  const now = new Date().toISOString();
  const mine: LockHolder = { holder: whoAmI(), host: hostname(), pid: process.pid, runId: options.runId, runbook: options.runbook, scope: options.scope, acquiredAt: now, heartbeatAt: now };
  const heartbeatMs = options.heartbeatMs ?? 5000;
  if (tryCreate(path, mine)) return { lock: new ScopeLock(path, mine, heartbeatMs) };
  const held = readHolder(path);
  if (!held) return tryCreate(path, mine) ? { lock: new ScopeLock(path, mine, heartbeatMs) } : { held: unreadable(options.scope) };
  const why = staleness(held, options.staleAfterMs ?? 30_000);
  if (!why) return { held };
  if (!(await options.confirmTakeover(held, why))) return { held, stale: why };
  // Move the stale lock aside first, so two takers cannot both win.
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch {
    return { held: readHolder(path) ?? held };
  }
  rmSync(aside, { force: true });
  return tryCreate(path, mine) ? { lock: new ScopeLock(path, mine, heartbeatMs), tookOver: held } : { held: readHolder(path) ?? held };
}

/** Why `held` is stale, or undefined when its holder still looks alive. */
export function staleness(held: LockHolder, staleAfterMs: number, now = Date.now()): string | undefined {
  if (held.host === hostname() && !pidAlive(held.pid)) return `its process ${held.pid} on ${held.host} is gone`;
  const age = now - Date.parse(held.heartbeatAt);
  if (!(age <= staleAfterMs)) return `its last heartbeat was ${Math.round(age / 1000)} s ago`;
  return undefined;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryCreate(path: string, holder: LockHolder): boolean {
  try {
    writeFileSync(path, JSON.stringify(holder), { flag: 'wx', mode: 0o600 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function readHolder(path: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

function writeAtomically(path: string, holder: LockHolder): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(holder), { mode: 0o600 });
  renameSync(temp, path);
}

function unreadable(scope: string): LockHolder {
  const never = new Date(0).toISOString();
  return { holder: 'unknown', host: 'unknown', pid: 0, runId: 'unknown', runbook: 'unknown', scope, acquiredAt: never, heartbeatAt: never };
}
