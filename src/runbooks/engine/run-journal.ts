// One JSON-lines file per runbook run under $XDG_STATE_HOME/opsdeck/runs/: every step's start
// and end, every operator answer. It is what a run resumes from and what the report is built from.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export type StepResultKind = 'pass' | 'fail' | 'skipped';

export interface VerifyResult {
  step: string;
  title: string;
  pass: boolean;
  summary: string;
}

export type RunEvent =
  | { type: 'run-start'; at: string; who: string; runId: string; runbook: string; title: string; severity: string; file?: string; scope: string; params: Record<string, unknown>; secretParams: string[]; pid: number }
  | { type: 'resume'; at: string; who: string; pid: number }
  | { type: 'step-start'; at: string; who: string; seq: number; step: string; kind: string; title: string; attempt: number; render?: string }
  | { type: 'step-end'; at: string; seq: number; step: string; result: StepResultKind; summary: string; next: string; durationMs: number; attempts?: number; changes?: string[]; output?: string; checks?: VerifyResult[] }
  | { type: 'operator'; at: string; who: string; seq?: number; step?: string; prompt: string; answer: string; auto: boolean }
  | { type: 'note'; at: string; who: string; seq?: number; step?: string; text: string }
  | { type: 'run-end'; at: string; outcome: string; summary: string };

/** Distributes Omit over the union, so each event keeps its own fields. */
export type NewRunEvent = RunEvent extends infer E ? (E extends RunEvent ? Omit<E, 'at'> : never) : never;

export function runsDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_STATE_HOME || join(homedir(), '.local', 'state'), 'opsdeck', 'runs');
}

export function newRunId(runbookId: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${runbookId}-${Buffer.from(crypto.getRandomValues(new Uint8Array(2))).toString('hex')}`;
}

export class RunJournal {
  constructor(readonly path: string) {}

  static forRun(dir: string, runId: string): RunJournal {
    return new RunJournal(join(dir, `${runId}.jsonl`));
  }

  append(event: NewRunEvent): RunEvent {
    const full = { ...event, at: new Date().toISOString() } as RunEvent;
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    const fd = openSync(this.path, 'a', 0o600);
    try {
      writeSync(fd, `${JSON.stringify(full)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return full;
  }

  /** The events written so far; a torn last line (a crash mid-write) is dropped. */
  read(): RunEvent[] {
    if (!existsSync(this.path)) return [];
    const events: RunEvent[] = [];
    for (const line of readFileSync(this.path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        events.push(JSON.parse(line) as RunEvent);
      } catch { /* torn line */ }
    }
    return events;
  }
}

/** Run ids in `dir`, newest first. */
export function listRuns(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => name.endsWith('.jsonl'))
    .map((name) => ({ id: name.slice(0, -'.jsonl'.length), mtime: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime || b.id.localeCompare(a.id)).map((run) => run.id);
}

/** A run by its id or a unique prefix of it; the newest run when `id` is omitted. */
export function findRun(dir: string, id?: string): string | undefined {
  const runs = listRuns(dir);
  if (!id) return runs[0];
  if (runs.includes(id)) return id;
  const matches = runs.filter((run) => run.startsWith(id) || run.includes(id));
  return matches.length === 1 ? matches[0] : undefined;
}
