import { createScheduler, type ScheduledCheck } from './scheduler';

export interface SchedulerBenchmarkOptions {
  checks: number;
  intervalMs: number;
  concurrency: number;
  /** How long each well-behaved probe takes. */
  probeMs: number;
  /** How many probes hang and ignore their signal. */
  hanging: number;
  timeoutMs: number;
  durationMs: number;
  /** Runs started in this first stretch (the startup burst) are left out of the lateness figures; default one interval. */
  warmupMs?: number;
}

export interface SchedulerBenchmarkReport {
  runs: number;
  results: number;
  skipped: number;
  abandoned: number;
  /** Start lateness in ms: how long after its due time each run began. */
  lateness: { p50: number; p95: number; p99: number; max: number };
}

/** Runs synthetic probes through the real scheduler for `durationMs` and reports start lateness. */
export async function benchmarkScheduler(options: SchedulerBenchmarkOptions): Promise<SchedulerBenchmarkReport> {
  const checks: ScheduledCheck[] = Array.from({ length: options.checks }, (_, i) => ({
    id: `check-${i}`,
    intervalMs: options.intervalMs,
    timeoutMs: options.timeoutMs,
    run: i < options.hanging
      ? () => new Promise(() => undefined)
      : () => new Promise((resolve) => setTimeout(() => resolve({ state: 'ok', at: Date.now() }), options.probeMs)),
  }));
  let results = 0;
  const scheduler = createScheduler(checks, { concurrency: options.concurrency, onResult: () => { results++; } });
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const warmupMs = Math.min(options.warmupMs ?? options.intervalMs, options.durationMs);
  scheduler.start();
  await sleep(warmupMs);
  const warmRuns = scheduler.stats().runs;
  await sleep(options.durationMs - warmupMs);
  const stats = scheduler.stats();
  await scheduler.stop();
  const sorted = stats.lateness.slice(Math.max(0, warmRuns - (stats.runs - stats.lateness.length))).sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);
  return {
    runs: stats.runs,
    results,
    skipped: stats.skipped,
    abandoned: stats.abandoned,
    lateness: { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.length ? sorted[sorted.length - 1] : NaN },
  };
}
