import { describe, expect, it } from 'vitest';
import { createScheduler, type ScheduledCheck } from '../src/checks/scheduler';
import { benchmarkScheduler } from '../src/checks/scheduler-benchmark';
import type { CheckResult } from '../src/checks/types';
import { checkSpecsSchema } from '../src/checks/schema';
import { scheduledCheck } from '../src/checks/probe';
import { CheckStatusBook } from '../src/checks/check-status';
import { closeSharedAgent } from '../src/checks/http-agent';
import { createServer } from 'node:http';
import { freePort } from './harness/postgres';

const ok = (): CheckResult => ({ state: 'ok', at: Date.now() });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}

describe('check scheduler', () => {
  it('never runs more probes at once than the concurrency limit, and runs them all', async () => {
    let running = 0;
    let most = 0;
    const done = new Set<string>();
    const checks: ScheduledCheck[] = Array.from({ length: 12 }, (_, i) => ({
      id: `c${i}`, intervalMs: 60_000, timeoutMs: 5_000,
      run: async () => {
        running++;
        most = Math.max(most, running);
        await sleep(30);
        running--;
        return ok();
      },
    }));
    const scheduler = createScheduler(checks, { concurrency: 3, jitter: 0, onResult: (id) => done.add(id) });
    scheduler.start();
    await until(() => done.size === 12);
    await scheduler.stop();
    expect(most).toBe(3);
  });

  it('keeps other checks running while one probe hangs, and reports the hung one as timed out', async () => {
    const results: { id: string; result: CheckResult }[] = [];
    let hangingCalls = 0;
    const checks: ScheduledCheck[] = [
      { id: 'hangs', intervalMs: 50, timeoutMs: 300, run: () => { hangingCalls++; return new Promise(() => undefined); } },
      { id: 'fast', intervalMs: 50, timeoutMs: 300, run: async () => ok() },
    ];
    const scheduler = createScheduler(checks, { concurrency: 2, jitter: 0, graceMs: 100, onResult: (id, result) => results.push({ id, result }) });
    scheduler.start();
    await until(() => results.some((r) => r.id === 'hangs'));
    await scheduler.stop();
    const fastBefore = results.findIndex((r) => r.id === 'hangs');
    expect(results.slice(0, fastBefore).filter((r) => r.id === 'fast').length).toBeGreaterThanOrEqual(2);
    expect(results[fastBefore].result).toMatchObject({ state: 'down', error: 'timeout after 300 ms (the probe did not stop)' });
    expect(hangingCalls).toBe(1);
    expect(scheduler.stats().abandoned).toBe(1);
    expect(scheduler.stats().skipped).toBeGreaterThan(0);
  });

  it('aborts a probe at its timeout through its signal', async () => {
    const results: CheckResult[] = [];
    const checks: ScheduledCheck[] = [{
      id: 'polite', intervalMs: 60_000, timeoutMs: 100,
      run: (signal) => new Promise((resolve) => signal.addEventListener('abort', () => resolve({ state: 'down', error: 'aborted by signal', at: Date.now() }))),
    }];
    const scheduler = createScheduler(checks, { concurrency: 1, jitter: 0, onResult: (_id, result) => results.push(result) });
    scheduler.start();
    await until(() => results.length === 1);
    await scheduler.stop();
    expect(results[0].error).toBe('aborted by signal');
    expect(scheduler.stats().abandoned).toBe(0);
  });

  it('reports a probe that throws as down instead of stopping', async () => {
    const results: CheckResult[] = [];
    const scheduler = createScheduler([{ id: 'throws', intervalMs: 60_000, timeoutMs: 1000, run: async () => { throw new Error('boom'); } }],
      { concurrency: 1, jitter: 0, onResult: (_id, result) => results.push(result) });
    scheduler.start();
    await until(() => results.length === 1);
    await scheduler.stop();
    expect(results[0]).toMatchObject({ state: 'down', error: 'probe failed: boom' });
  });

  it('runs a check on demand and records how late each run started', async () => {
    const runs: string[] = [];
    const scheduler = createScheduler([{ id: 'api', intervalMs: 3_600_000, timeoutMs: 1000, run: async () => ok() }],
      { concurrency: 1, jitter: 0, onResult: (id) => runs.push(id) });
    scheduler.start();
    await until(() => runs.length === 1);
    scheduler.runNow('api');
    await until(() => runs.length === 2);
    await scheduler.stop();
    const { lateness, runs: count } = scheduler.stats();
    expect(count).toBe(2);
    expect(lateness).toHaveLength(2);
    expect(lateness.every((ms) => ms >= 0 && ms < 5_000)).toBe(true);
  });

  it('gives a benchmark its start lateness', async () => {
    const report = await benchmarkScheduler({ checks: 50, intervalMs: 100, concurrency: 8, probeMs: 5, hanging: 2, timeoutMs: 200, durationMs: 600 });
    expect(report.runs).toBeGreaterThan(50);
    expect(report.abandoned).toBeGreaterThanOrEqual(2);
    expect(report.lateness.p50).toBeLessThanOrEqual(report.lateness.p95);
    expect(report.lateness.p95).toBeLessThanOrEqual(report.lateness.max);
  });

  it('runs validated specs against real servers and keeps their statuses', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"healthy","model_loaded":true,"model_version":"v3"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const apiPort = (server.address() as { port: number }).port;
    const closedPort = await freePort();
    const specs = checkSpecsSchema.parse([
      { name: 'api', type: 'http', url: `http://127.0.0.1:${apiPort}/health`, interval: '50ms', json: ['model_loaded == true'], fields: ['model_version'] },
      { name: 'redis', type: 'tcp', host: '127.0.0.1', port: closedPort, interval: '50ms', timeout: '1s' },
    ]);
    const book = new CheckStatusBook();
    const scheduler = createScheduler(specs.map((spec) => scheduledCheck(spec, {})), { concurrency: 4, onResult: (id, result) => book.record(id, result) });
    scheduler.start();
    await until(() => (book.get('api')?.recent.length ?? 0) >= 2 && (book.get('redis')?.consecutiveFailures ?? 0) >= 2);
    await scheduler.stop();
    await closeSharedAgent();
    server.closeAllConnections();
    server.close();
    expect(book.get('api')).toMatchObject({ state: 'ok', consecutiveFailures: 0, lastResult: { fields: { model_version: 'v3' } } });
    expect(book.get('redis')).toMatchObject({ state: 'down', lastError: `connection refused by 127.0.0.1:${closedPort}` });
  });
});
