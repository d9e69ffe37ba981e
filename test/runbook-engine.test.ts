import { describe, it, expect, afterEach } from 'vitest';
import { existsSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunJournal } from '../src/runbooks/engine/run-journal';
import { ScriptedOperator, httpServer, run } from './runbook-support';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => { await Promise.all(closers.splice(0).map((close) => close())); });

function journal(path: string | undefined) {
  return new RunJournal(path!).read();
}

describe('runbook engine: step kinds and branching', () => {
  it('a failing health check branches to the fix, and the fix is verified by the check', async () => {
    let loaded = false;
    const api = await httpServer((req, res) => {
      if (req.url === '/reload' && req.method === 'POST') loaded = true;
      res.writeHead(loaded ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: loaded ? 'healthy' : 'unhealthy', model_loaded: loaded }));
    });
    closers.push(api.close);
    const { summary } = await run(`
id: reload
title: Reload the model
severity: P1
parameters: { url: { type: url } }
steps:
  - { id: health, kind: check, title: API health, probe: { type: http, url: "{{url}}/health", json: ["model_loaded == true"] }, on_pass: end, on_fail: reload }
  - { id: reload, kind: action, title: Reload model, action: { type: http, url: "{{url}}/reload" }, verify: [health] }
`, { params: { url: api.url } });
    expect(summary.outcome).toBe('succeeded');
    const events = journal(summary.journalPath);
    const ends = events.filter((e) => e.type === 'step-end');
    expect(ends.map((e) => [e.step, e.result])).toEqual([['health', 'fail'], ['reload', 'pass']]);
    expect(ends[0].type === 'step-end' && ends[0].summary).toContain('model_loaded was false (expected == true)');
    expect(ends[1].type === 'step-end' && ends[1].checks?.[0]).toMatchObject({ step: 'health', pass: true });
  });

  it('runs a real local command as an argument array, with no shell', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rb-cmd-'));
    const { summary } = await run(`
id: cmd
title: Command
severity: P3
steps:
  - { id: touch, kind: action, title: Touch, action: { type: command, command: [touch, "${dir}/$(whoami) ; x"] } }
  - { id: exists, kind: check, title: File exists, probe: { type: exec, command: [test, -f, "${dir}/$(whoami) ; x"] } }
`);
    expect(summary.outcome).toBe('succeeded');
    expect(existsSync(join(dir, '$(whoami) ; x'))).toBe(true);
  });

  it('a manual step waits for the operator, and a decision follows the chosen branch', async () => {
    const operator = new ScriptedOperator({ confirm: [true], choose: ['Skip the backlog'] });
    const { summary } = await run(`
id: choose
title: Choose
severity: P2
steps:
  - { id: notify, kind: manual, title: Notify, instruction: Tell the team in the incident channel }
  - id: pick
    kind: decision
    title: How to recover
    question: Replay or skip?
    choices: [ { label: Replay, goto: replay }, { label: Skip the backlog, goto: skip } ]
  - { id: replay, kind: action, title: Replay, action: { type: command, command: ["false"] } }
  - { id: skip, kind: action, title: Skip, action: { type: command, command: ["true"] } }
`, { operator });
    expect(summary.outcome).toBe('succeeded');
    expect(operator.asked).toEqual(['confirm: Notify: Tell the team in the incident channel', 'choose: Replay or skip?']);
    const events = journal(summary.journalPath);
    expect(events.filter((e) => e.type === 'step-end').map((e) => e.step)).toEqual(['notify', 'pick', 'skip']);
    expect(events.filter((e) => e.type === 'operator').map((e) => e.type === 'operator' && e.answer)).toEqual(['done', 'Skip the backlog']);
  });

  it('a declined manual step fails the run at that step', async () => {
    const { summary } = await run(`
id: manual-no
title: Manual
severity: P2
steps: [ { id: edit, kind: manual, title: Edit compose.yaml, instruction: Set MODEL_VARIANT } ]
`, { operator: new ScriptedOperator({ confirm: [false] }) });
    expect(summary.outcome).toBe('failed');
    expect(summary.message).toContain('the operator did not confirm');
  });
});

describe('runbook engine: timeouts, retries and confirmations', () => {
  it('stops a step at its timeout and says so', async () => {
    const started = Date.now();
    const { summary } = await run(`
id: slow
title: Slow
severity: P3
steps: [ { id: sleep, kind: action, title: Sleep, timeout: 300ms, action: { type: command, command: [sleep, "10"] } } ]
`);
    expect(summary.outcome).toBe('failed');
    expect(summary.message).toMatch(/timed out after 300 ms|the step timed out/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('retries a check until it passes', async () => {
    let calls = 0;
    const api = await httpServer((_req, res) => { calls++; res.writeHead(calls >= 3 ? 200 : 500).end(); });
    closers.push(api.close);
    const { summary } = await run(`
id: retry
title: Retry
severity: P3
steps: [ { id: up, kind: check, title: Up, retries: 3, retry_delay: 10ms, probe: { type: http, url: "${api.url}" } } ]
`);
    expect(summary.outcome).toBe('succeeded');
    const end = journal(summary.journalPath).find((e) => e.type === 'step-end');
    expect(end).toMatchObject({ result: 'pass', attempts: 3 });
    expect(calls).toBe(3);
  });

  it('a P0 destructive action runs only when the operator types the service name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rb-p0-'));
    const yaml = `
id: p0
title: P0
severity: P0
steps: [ { id: wipe, kind: action, title: Wipe, destructive: true, action: { type: command, command: [touch, "${dir}/wiped"] } } ]
`;
    const wrong = await run(yaml, { operator: new ScriptedOperator({ type: ['yes'] }) });
    expect(wrong.summary.outcome).toBe('aborted');
    expect(existsSync(join(dir, 'wiped'))).toBe(false);
    const operator = new ScriptedOperator({ type: ['p0'] });
    const right = await run(yaml, { operator });
    expect(right.summary.outcome).toBe('succeeded');
    expect(existsSync(join(dir, 'wiped'))).toBe(true);
    expect(operator.asked[0]).toContain('type "p0" to confirm');
  });
});

describe('runbook engine: dry run and review', () => {
  it('dry-run renders every action exactly and runs nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rb-dry-'));
    const operator = new ScriptedOperator();
    const { summary, state } = await run(`
id: dry
title: Dry
severity: P1
parameters: { service: { default: api } }
steps:
  - { id: mk, kind: action, title: Make, action: { type: command, command: [touch, "${dir}/made it"] } }
  - { id: rb, kind: action, title: Rollback, destructive: true, action: { type: recreate, service: "{{service}}", env: { MODEL_VARIANT: baseline } } }
  - { id: bk, kind: action, title: Backup, action: { type: backup, paths: [models], to: /tmp/b.tgz } }
`, { operator, dryRun: true });
    expect(summary.outcome).toBe('dry-run');
    expect(existsSync(join(dir, 'made it'))).toBe(false);
    expect(existsSync(state.runs)).toBe(false);
    expect(summary.message).toContain(`would: run on this machine: touch '${dir}/made it'`);
    expect(summary.message).toContain('would: recreate the container(s) of service api with MODEL_VARIANT=baseline');
    expect(summary.message).toContain('would: back up models to /tmp/b.tgz: tar -czf /tmp/b.tgz -- models');
    expect(operator.notes.join('\n')).toBe(summary.message);
  });

  it('refuses to run imported actions nobody has reviewed', async () => {
    const { summary } = await run(`
id: review
title: Review
severity: P2
steps: [ { id: rm, kind: action, title: rm, needs_review: true, action: { type: command, command: [rm, -rf, /tmp/nothing-here] } } ]
`);
    expect(summary.outcome).toBe('refused');
    expect(summary.message).toContain('not yet reviewed (rm)');
  });
});
