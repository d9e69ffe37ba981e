// Shared by the runbook tests: an operator that answers from a script and records what it was
// asked, real HTTP servers, and a fresh state dir per test.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Choice, Operator } from '../src/runbooks/engine/types';
import { parseRunbook } from '../src/runbooks/load';
import { runRunbook, type EngineOptions } from '../src/runbooks/engine/engine';
import { basicProber } from '../src/runbooks/probes/basic-prober';
import { AuditJournal } from '../src/audit/journal';

export class ScriptedOperator implements Operator {
  readonly asked: string[] = [];
  readonly notes: string[] = [];

  constructor(private readonly answers: { confirm?: boolean[]; choose?: (string | undefined)[]; type?: string[] } = {}) {}

  async confirm(prompt: string): Promise<boolean> {
    this.asked.push(`confirm: ${prompt}`);
    return this.answers.confirm?.shift() ?? true;
  }

  async choose(prompt: string, choices: Choice[]): Promise<string | undefined> {
    this.asked.push(`choose: ${prompt}`);
    const label = this.answers.choose?.shift();
    return choices.find((c) => c.label === label || c.value === label)?.value;
  }

  async typeConfirm(prompt: string, expected: string): Promise<boolean> {
    this.asked.push(`type: ${prompt}`);
    return (this.answers.type?.shift() ?? '') === expected;
  }

  note(text: string): void {
    this.notes.push(text);
  }
}

export function stateDir(): { dir: string; runs: string; locks: string; audit: AuditJournal } {
  const dir = mkdtempSync(join(tmpdir(), 'opsdeck-rb-'));
  return { dir, runs: join(dir, 'runs'), locks: join(dir, 'locks'), audit: new AuditJournal(join(dir, 'audit.jsonl')) };
}

export async function httpServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

export const runbookFrom = (yaml: string) => parseRunbook(yaml, 'test.yaml');

/** Runs a runbook given as YAML with a scripted operator and a fresh state dir. */
export async function run(yaml: string, options: { params?: Record<string, string>; operator?: Operator; state?: ReturnType<typeof stateDir> } & Partial<EngineOptions> = {}) {
  const state = options.state ?? stateDir();
  const operator = options.operator ?? new ScriptedOperator();
  const summary = await runRunbook({ runbook: runbookFrom(yaml), params: options.params ?? {} }, {
    prober: basicProber(), runsDir: state.runs, locksDir: state.locks, audit: state.audit, ...options, operator,
  });
  return { summary, state, operator };
}
