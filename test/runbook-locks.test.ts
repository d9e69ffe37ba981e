import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ScriptedOperator, run, stateDir } from './runbook-support';
import type { Operator, Choice } from '../src/runbooks/engine/types';

const lockedRunbook = `
id: locked
title: Locked
severity: P1
parameters: { service: { default: api } }
scope: "service:{{service}}"
steps: [ { id: hold, kind: manual, title: Hold, instruction: Wait here } ]
`;

/** An operator whose manual confirmation waits until the test releases it. */
class HeldOperator extends ScriptedOperator implements Operator {
  release!: () => void;
  private reached!: () => void;
  readonly waiting = new Promise<void>((resolve) => { this.reached = resolve; });
  override confirm(prompt: string): Promise<boolean> {
    this.reached();
    return new Promise((resolve) => { this.release = () => resolve(true); void prompt; });
  }
  override choose(_p: string, _c: Choice[]) { return Promise.resolve(undefined); }
}

function writeLock(locks: string, holder: Record<string, unknown>) {
  mkdirSync(locks, { recursive: true });
  writeFileSync(join(locks, 'service_api.lock'), JSON.stringify({ holder: 'bob@elsewhere', host: 'elsewhere', pid: 4242, runId: 'old-run', runbook: 'locked', scope: 'service:api', acquiredAt: new Date().toISOString(), heartbeatAt: new Date().toISOString(), ...holder }));
}

describe('one run per scope', () => {
  it('a second run on the same service is refused while the first holds the lock, naming the holder', async () => {
    const state = stateDir();
    const first = new HeldOperator();
    const firstRun = run(lockedRunbook, { state, operator: first });
    await first.waiting;
    const second = await run(lockedRunbook, { state });
    expect(second.summary.outcome).toBe('locked');
    expect(second.summary.message).toMatch(/^service:api is locked by .+@.+ \(pid \d+, run \d{8}-\d{6}-locked-/);
    first.release();
    expect((await firstRun).summary.outcome).toBe('succeeded');
    expect(readdirSync(state.locks)).toEqual([]);
    expect((await run(lockedRunbook, { state })).summary.outcome).toBe('succeeded');
  });

  it('a lock whose heartbeat stopped is taken over after the operator confirms', async () => {
    const state = stateDir();
    writeLock(state.locks, { heartbeatAt: new Date(Date.now() - 120_000).toISOString() });
    const operator = new ScriptedOperator({ confirm: [true, true] });
    const { summary } = await run(lockedRunbook, { state, operator, lockStaleAfterMs: 30_000 });
    expect(summary.outcome).toBe('succeeded');
    expect(operator.asked[0]).toMatch(/locked by bob@elsewhere \(pid 4242, run old-run\), but the lock looks stale: its last heartbeat was 12\d s ago/);
  });

  it('declining the takeover leaves the stale lock in place', async () => {
    const state = stateDir();
    writeLock(state.locks, { heartbeatAt: new Date(Date.now() - 120_000).toISOString() });
    const { summary } = await run(lockedRunbook, { state, operator: new ScriptedOperator({ confirm: [false] }) });
    expect(summary.outcome).toBe('locked');
    expect(summary.message).toContain('but takeover was declined');
    expect(existsSync(join(state.locks, 'service_api.lock'))).toBe(true);
  });

  it('a fresh lock of a dead process on this host is stale; of a live one it is not', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    const state = stateDir();
    writeLock(state.locks, { host: hostname(), pid: Number(dead) });
    const operator = new ScriptedOperator({ confirm: [true, true] });
    expect((await run(lockedRunbook, { state, operator })).summary.outcome).toBe('succeeded');
    expect(operator.asked[0]).toContain(`its process ${dead} on ${hostname()} is gone`);

    const live = stateDir();
    writeLock(live.locks, { host: hostname(), pid: process.pid });
    const refused = await run(lockedRunbook, { state: live });
    expect(refused.summary.outcome).toBe('locked');
  });
});
