// The audit journal: one JSON line per event, appended and fsync'd before the action runs and
// again when it ends, so a crash mid-action still leaves a record that it began.
import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { homedir, hostname, userInfo } from 'node:os';
import { dirname, join } from 'node:path';

export interface AuditRecord {
  id: string;
  phase: 'start' | 'end';
  at: string;
  who: string;
  action: string;
  target: Record<string, string | undefined>;
  params?: Record<string, unknown>;
  result?: 'ok' | 'error';
  durationMs?: number;
  error?: string;
}

export function defaultAuditPath(env: NodeJS.ProcessEnv = process.env): string {
  const state = env.XDG_STATE_HOME || join(homedir(), '.local', 'state');
  return join(state, 'opsdeck', 'audit.jsonl');
}

export function whoAmI(): string {
  let user = process.env.USER ?? 'unknown';
  try {
    user = userInfo().username;
  } catch { /* no passwd entry: keep $USER */ }
  return `${user}@${hostname()}`;
}

export class AuditJournal {
  constructor(readonly path: string) {}

  append(record: AuditRecord): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const fd = openSync(this.path, 'a', 0o600);
    try {
      writeSync(fd, `${JSON.stringify(record)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /** Journals `run` before and after; the error, if any, is recorded and rethrown. */
  async record<T>(action: string, target: AuditRecord['target'], params: AuditRecord['params'], run: () => Promise<T>): Promise<T> {
    const base = { id: crypto.randomUUID(), who: whoAmI(), action, target, params };
    this.append({ ...base, phase: 'start', at: new Date().toISOString() });
    const started = performance.now();
    try {
      const value = await run();
      this.append({ ...base, phase: 'end', at: new Date().toISOString(), result: 'ok', durationMs: Math.round(performance.now() - started) });
      return value;
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.append({ ...base, phase: 'end', at: new Date().toISOString(), result: 'error', durationMs: Math.round(performance.now() - started), error: text });
      throw error;
    }
  }
}
