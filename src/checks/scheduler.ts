import type { CheckResult } from './types';
import { timeoutInWords } from './network-errors';
import { messageOf } from './words';

export interface ScheduledCheck {
  id: string;
  intervalMs: number;
  timeoutMs: number;
  /** Must settle soon after `signal` aborts; if it doesn't, the scheduler stops waiting anyway. */
  run(signal: AbortSignal): Promise<CheckResult>;
}

export interface SchedulerOptions {
  /** Probes running at once, at most. */
  concurrency: number;
  onResult(id: string, result: CheckResult): void;
  /**
   * First runs are spread over this share of each interval (default 0.1), so the first
   * results come soon; later runs keep a random phase over the whole interval, so many
   * checks with one interval don't all fall due at once.
   */
  jitter?: number;
  /** How long past its timeout a probe that ignores its signal is still waited for. */
  graceMs?: number;
  random?: () => number;
}

export interface SchedulerStats {
  runs: number;
  /** Due times passed over because the check's previous run had not finished. */
  skipped: number;
  /** Runs the scheduler gave up on because the probe ignored its timeout. */
  abandoned: number;
  /** How late each run started after it was due (ms), the latest 10,000. */
  lateness: number[];
}

export interface Scheduler {
  start(): void;
  /** Queues a check at once unless it is already running or queued. */
  runNow(id: string): void;
  inFlight(): number;
  stats(): SchedulerStats;
  stop(): Promise<void>;
}

interface Entry {
  check: ScheduledCheck;
  nextDue: number;
  /** Steady-state runs fall due at phase + k * interval. */
  phase: number;
  timer?: NodeJS.Timeout;
  /** Queued, running, or abandoned but not yet settled: not started again. */
  busy: boolean;
}

const LATENESS_KEPT = 10_000;

export function createScheduler(checks: ScheduledCheck[], options: SchedulerOptions): Scheduler {
  const random = options.random ?? Math.random;
  const jitter = options.jitter ?? 0.1;
  const graceMs = options.graceMs ?? 250;
  const entries = new Map(checks.map((check) => [check.id, { check, nextDue: 0, phase: 0, busy: false } as Entry]));
  const queue: { entry: Entry; dueAt: number }[] = [];
  const controllers = new Set<AbortController>();
  const stats: SchedulerStats = { runs: 0, skipped: 0, abandoned: 0, lateness: [] };
  let active = 0;
  let stopped = false;
  let idle: (() => void) | undefined;

  const arm = (entry: Entry) => {
    entry.timer = setTimeout(() => onDue(entry), Math.max(0, entry.nextDue - Date.now()));
  };

  const onDue = (entry: Entry) => {
    if (stopped) return;
    const dueAt = entry.nextDue;
    const interval = entry.check.intervalMs;
    // The next slot on the check's phase, at least half an interval after this one.
    const after = Math.max(Date.now(), dueAt + interval / 2);
    entry.nextDue = entry.phase + interval * (Math.floor((after - entry.phase) / interval) + 1);
    arm(entry);
    enqueue(entry, dueAt);
  };

  const enqueue = (entry: Entry, dueAt: number) => {
    if (entry.busy) {
      stats.skipped++;
      return;
    }
    entry.busy = true;
    queue.push({ entry, dueAt });
    pump();
  };

  const pump = () => {
    while (!stopped && active < options.concurrency && queue.length > 0) {
      const job = queue.shift()!;
      void launch(job.entry, job.dueAt);
    }
  };

  const launch = async (entry: Entry, dueAt: number) => {
    active++;
    stats.runs++;
    stats.lateness.push(Math.max(0, Date.now() - dueAt));
    if (stats.lateness.length > LATENESS_KEPT) stats.lateness.splice(0, stats.lateness.length - LATENESS_KEPT);
    const { check } = entry;
    const controller = new AbortController();
    controllers.add(controller);
    const abortTimer = setTimeout(() => controller.abort(new Error('timeout')), check.timeoutMs);
    let giveUpTimer: NodeJS.Timeout | undefined;
    const giveUp = new Promise<'abandoned'>((resolve) => {
      giveUpTimer = setTimeout(() => resolve('abandoned'), check.timeoutMs + graceMs);
    });
    const probe = Promise.resolve()
      .then(() => check.run(controller.signal))
      .catch((err): CheckResult => ({ state: 'down', error: `probe failed: ${messageOf(err)}`, at: Date.now() }));
    const outcome = await Promise.race([probe, giveUp]);
    clearTimeout(abortTimer);
    clearTimeout(giveUpTimer);
    controllers.delete(controller);
    active--;
    if (outcome === 'abandoned') {
      stats.abandoned++;
      void probe.finally(() => { entry.busy = false; });
      report(check.id, { state: 'down', error: `${timeoutInWords(check.timeoutMs)} (the probe did not stop)`, at: Date.now() });
    } else {
      entry.busy = false;
      report(check.id, outcome);
    }
    if (active === 0 && idle) idle();
    pump();
  };

  const report = (id: string, result: CheckResult) => {
    if (!stopped) options.onResult(id, result);
  };

  return {
    start() {
      const now = Date.now();
      for (const entry of entries.values()) {
        entry.nextDue = Math.round(now + random() * jitter * entry.check.intervalMs);
        entry.phase = Math.round(now + random() * entry.check.intervalMs);
        arm(entry);
      }
    },
    runNow(id) {
      const entry = entries.get(id);
      if (entry && !stopped) enqueue(entry, Date.now());
    },
    inFlight: () => active,
    stats: () => ({ ...stats, lateness: [...stats.lateness] }),
    async stop() {
      stopped = true;
      for (const entry of entries.values()) clearTimeout(entry.timer);
      queue.length = 0;
      for (const controller of controllers) controller.abort(new Error('scheduler stopped'));
      if (active > 0) await new Promise<void>((resolve) => { idle = resolve; });
    },
  };
}
