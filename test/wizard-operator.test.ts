import { describe, it, expect, afterEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UiOperator, type Question } from '../src/runbooks/ui-operator';
import { runRunbook } from '../src/runbooks/engine/engine';
import { basicProber } from '../src/runbooks/probes/basic-prober';
import { parseRunbook } from '../src/runbooks/load';
import { httpServer, stateDir } from './runbook-support';
import { WIZ_RUNBOOK, fakeRuntime } from './wizard-support';

/** Answers each question as it comes, by its kind, from a script. */
function drive(operator: UiOperator, answers: Array<(q: Question) => Parameters<UiOperator['answer']>[0]>): Question[] {
  const seen: Question[] = [];
  operator.subscribe(() => {
    const q = operator.question;
    if (!q || seen.includes(q)) return;
    seen.push(q);
    const next = answers.shift();
    if (next) queueMicrotask(() => operator.answer(next(q)));
  });
  return seen;
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => { await close?.(); close = undefined; });

async function setup(healthy: boolean) {
  const server = await httpServer((_req, res) => { res.writeHead(healthy ? 200 : 503); res.end(JSON.stringify({ model_loaded: healthy })); });
  close = server.close;
  const state = stateDir();
  const runtime = fakeRuntime();
  const operator = new UiOperator();
  const options = { operator, prober: basicProber(runtime), runtime, runsDir: state.runs, locksDir: state.locks, audit: state.audit };
  const runbook = parseRunbook(WIZ_RUNBOOK(server.url), 'wiz.yaml');
  const journal = (runId: string) => readFileSync(join(state.runs, `${runId}.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  return { operator, options, runbook, runtime, journal };
}

describe('the UI operator drives the engine step by step', () => {
  it('run, choose, typed P0 confirmation and manual confirm: the run succeeds and the journal has every answer', async () => {
    const { operator, options, runbook, runtime, journal } = await setup(false);
    const seen = drive(operator, [
      () => 'run', (q) => { expect(q.kind).toBe('failed'); return 'continue'; },
      () => 'run', (q) => { expect(q.kind).toBe('choose'); return '0'; },
      () => 'run', (q) => { expect(q).toMatchObject({ kind: 'type', expected: 'api' }); return 'api'; },
      () => 'run', (q) => { expect(q.kind).toBe('confirm'); return true; },
    ]);
    const summary = await runRunbook({ runbook, params: {} }, options);
    expect(summary.outcome).toBe('succeeded');
    expect(seen.map((q) => q.kind)).toEqual(['step', 'failed', 'step', 'choose', 'step', 'type', 'step', 'confirm']);
    expect(runtime.restarted).toEqual(['api-id']);
    const answers = journal(summary.runId!).filter((e) => e.type === 'operator').map((e) => e.answer);
    expect(answers).toEqual(['Restart it', 'confirmed', 'done']);
  });

  it('a failed check retried passes once the service recovers; a skipped step is journaled as skipped', async () => {
    const { operator, options, runbook, journal } = await setup(false);
    let calls = 0;
    const prober = { probe: async () => ({ pass: ++calls > 1, summary: calls > 1 ? 'model loaded' : 'HTTP 503' }) };
    drive(operator, [() => 'run', () => 'retry', () => 'skip']);
    const summary = await runRunbook({ runbook: { ...runbook, steps: [runbook.steps[0], { ...runbook.steps[3] }] }, params: {} }, { ...options, prober });
    // The health check passes on retry and its on_pass is `end`.
    expect(summary.outcome).toBe('succeeded');
    expect(calls).toBe(2);
    const events = journal(summary.runId!);
    expect(events.filter((e) => e.type === 'operator').map((e) => e.answer)).toEqual(['retry']);
    expect(events.filter((e) => e.type === 'step-end').map((e) => e.result)).toEqual(['pass']);
    operator.abort();
  });

  it('skip is journaled, and abort stops before the next step', async () => {
    const { operator, options, runbook, journal, runtime } = await setup(false);
    drive(operator, [() => 'skip', () => 'skip', () => { queueMicrotask(() => operator.abort()); return 'run'; }]);
    const summary = await runRunbook({ runbook, params: {} }, options);
    expect(summary.outcome).toBe('aborted');
    expect(runtime.restarted).toEqual([]);
    const ends = journal(summary.runId!).filter((e) => e.type === 'step-end').map((e) => `${e.step}:${e.result}`);
    expect(ends.slice(0, 2)).toEqual(['health:skipped', 'decide:skipped']);
  });
});
