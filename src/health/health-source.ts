// Runs every check on its own interval through the jittered scheduler and keeps their
// statuses (a CheckStatusBook) in a store of its own. Checks from compose labels follow the
// containers: when the labelled set changes, a new scheduler takes over and the old one stops.
import { CheckStatusBook } from '../checks/check-status';
import type { ScheduledCheck, SchedulerStats } from '../checks/scheduler';
import { runProbe } from '../checks/probe';
import type { CheckResult, DockerHealthSource } from '../checks/types';
import { createStore, type Store } from '../store/store';
import type { AppState } from '../store/app-state';
import { allChecks, configuredChecks, type HealthCheck } from './check-list';
import type { ConfiguredCheck } from './config-schema';
import { Rescheduler } from './rescheduler';

export interface HealthState {
  checks: HealthCheck[];
  book: CheckStatusBook;
  /** Bumped with every result, so views re-render. */
  version: number;
  /** Checks asked to run now whose result has not come yet. */
  pending: ReadonlySet<string>;
}

export interface HealthSourceOptions {
  checks: ConfiguredCheck[];
  /** The Docker source's store: labelled containers add checks. */
  appState?: Store<AppState>;
  dockerHealth?: DockerHealthSource;
  env?: Record<string, string | undefined>;
  /** Probes at once, at most (default 64). */
  concurrency?: number;
  batchMs?: number;
}

export function problemResult(check: HealthCheck): CheckResult | undefined {
  return check.problem ? { state: 'down', error: check.problem, at: Date.now() } : undefined;
}

export function scheduledHealthCheck(check: HealthCheck, options: Pick<HealthSourceOptions, 'dockerHealth' | 'env'>): ScheduledCheck {
  return {
    id: check.id,
    intervalMs: check.spec.interval,
    timeoutMs: check.spec.timeout,
    run: async (signal) => problemResult(check) ?? runProbe(check.spec, { signal, env: options.env, dockerHealth: options.dockerHealth }),
  };
}

export class HealthSource {
  readonly store: Store<HealthState>;
  private readonly configured: HealthCheck[];
  private readonly rescheduler: Rescheduler;

  constructor(private readonly options: HealthSourceOptions) {
    this.configured = configuredChecks(options.checks);
    this.store = createStore<HealthState>({ checks: this.configured, book: new CheckStatusBook(), version: 0, pending: new Set() }, options.batchMs ?? 50);
    this.rescheduler = new Rescheduler(options.appState, (instances) => {
      const checks = allChecks(this.configured, instances);
      return {
        jobs: checks.map((c) => scheduledHealthCheck(c, this.options)),
        signature: JSON.stringify(checks.map((c) => [c.id, c.service, c.spec, c.problem])),
        adopt: () => this.store.set((s) => ({ ...s, checks })),
      };
    }, { concurrency: options.concurrency ?? 64, onResult: (id, result) => this.record(id, result) });
  }

  open(): void {
    this.rescheduler.open();
  }

  /** Queues the check at once (the `c` key); its row shows it as pending until the result lands. */
  runNow(id: string): void {
    const scheduler = this.rescheduler.current;
    if (!scheduler || !this.store.get().checks.some((c) => c.id === id)) return;
    this.store.set((s) => ({ ...s, pending: new Set([...s.pending, id]) }));
    scheduler.runNow(id);
  }

  /** The running scheduler's counters: runs, skipped, abandoned and start lateness. */
  schedulerStats(): SchedulerStats | undefined {
    return this.rescheduler.current?.stats();
  }

  close(): Promise<void> {
    return this.rescheduler.close();
  }

  private record(id: string, result: CheckResult): void {
    const { book } = this.store.get();
    book.record(id, result);
    this.store.set((s) => {
      if (!s.pending.has(id)) return { ...s, version: s.version + 1 };
      const pending = new Set(s.pending);
      pending.delete(id);
      return { ...s, version: s.version + 1, pending };
    });
  }
}
