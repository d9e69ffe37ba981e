import { describe, it, expect, beforeAll } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { findRun, RunJournal } from '../src/runbooks/engine/run-journal';
import { runRunbook } from '../src/runbooks/engine/engine';
import { loadRunbookFile } from '../src/runbooks/load';
import { basicProber } from '../src/runbooks/probes/basic-prober';
import { HeadlessOperator } from '../src/runbooks/engine/headless-operator';
import { ScriptedOperator, stateDir } from './runbook-support';
import { waitFor } from './harness/containers';

const driver = join(process.cwd(), '.opsdeck-tmp', 'runbook-crash-driver.mjs');

beforeAll(async () => {
  await build({ entryPoints: ['test/runbook-crash-driver.ts'], outfile: driver, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
});

/** Starts a run in another process, waits until its second step is under way, and kills it. */
async function interruptedRun() {
  const state = stateDir();
  const log = join(state.dir, 'log');
  const file = join(state.dir, 'rb.yaml');
  writeFileSync(file, `
id: three-steps
title: Three steps
severity: P1
scope: service:api
steps:
  - { id: one, kind: action, title: One, action: { type: command, command: [sh, -c, "echo one >> ${log}"] } }
  - { id: two, kind: action, title: Two, timeout: 60s, action: { type: command, command: [sh, -c, "echo two >> ${log}; exec sleep 60"] } }
  - { id: three, kind: action, title: Three, action: { type: command, command: [sh, -c, "echo three >> ${log}"] } }
`);
  const child = spawn(process.execPath, [driver, file, state.dir], { stdio: 'ignore', detached: true });
  await waitFor('step two to start', () => existsSync(log) && readFileSync(log, 'utf8').includes('two'), 20_000);
  process.kill(-child.pid!, 'SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  const runId = findRun(state.runs)!;
  return { state, log, file, runId };
}

describe('resuming an interrupted run', () => {
  it('does not repeat finished steps, asks before repeating an unfinished risky one, and takes over the dead lock', async () => {
    const { state, log, file, runId } = await interruptedRun();
    const operator = new ScriptedOperator({ confirm: [true], choose: ['Treat it as done and continue'] });
    const summary = await runRunbook({ runbook: loadRunbookFile(file), params: {}, resume: runId }, { operator, prober: basicProber(), runsDir: state.runs, locksDir: state.locks });
    expect(summary.outcome).toBe('succeeded');
    expect(readFileSync(log, 'utf8')).toBe('one\ntwo\nthree\n');
    expect(operator.asked[0]).toMatch(/^confirm: service:api is locked by .* but the lock looks stale: its process \d+ on .* is gone/);
    expect(operator.asked[1]).toMatch(/^choose: "Two" was started at .* but never recorded as finished/);
    const events = new RunJournal(summary.journalPath!).read();
    expect(events.map((e) => e.type)).toContain('resume');
    expect(events.filter((e) => e.type === 'operator').map((e) => e.type === 'operator' && e.answer)).toEqual(['took over', 'done']);
  });

  it('does not repeat the unfinished step when the operator aborts', async () => {
    const { state, log, file, runId } = await interruptedRun();
    const operator = new ScriptedOperator({ confirm: [true], choose: ['Abort the run'] });
    const aborted = await runRunbook({ runbook: loadRunbookFile(file), params: {}, resume: runId }, { operator, prober: basicProber(), runsDir: state.runs, locksDir: state.locks });
    expect(aborted.outcome).toBe('aborted');
    expect(readFileSync(log, 'utf8')).toBe('one\ntwo\n');
  });

  it('a headless --yes resume stops rather than guess about an unfinished risky step', async () => {
    const { state, log, file, runId } = await interruptedRun();
    const lines: string[] = [];
    const summary = await runRunbook({ runbook: loadRunbookFile(file), params: {}, resume: runId }, {
      operator: new HeadlessOperator({ yes: true, write: (line) => lines.push(line) }), prober: basicProber(), runsDir: state.runs, locksDir: state.locks,
    });
    expect(summary.outcome).toBe('aborted');
    expect(summary.message).toContain('needs an operator');
    expect(lines.join('\n')).toContain('no default choice: an operator must decide');
    expect(readFileSync(log, 'utf8')).toBe('one\ntwo\n');
  });
});
