// Checks and scrapes declared by container labels come and go with the containers. This keeps
// one scheduler running for the current set: when the set changes, a new scheduler takes over
// at once and the old one stops in the background.
import { createScheduler, type ScheduledCheck, type Scheduler } from '../checks/scheduler';
import type { Store } from '../store/store';
import type { AppState } from '../store/app-state';
import type { CheckResult } from '../checks/types';
import type { Instance } from '../runtime/types';

export interface Plan {
  jobs: ScheduledCheck[];
  /** Equal signatures mean nothing to reschedule. */
  signature: string;
  /** Called when a new scheduler is about to start (the store shows the new set). */
  adopt(): void;
}

export class Rescheduler {
  private scheduler: Scheduler | undefined;
  private readonly retiring = new Set<Promise<void>>();
  private instances: unknown;
  private signature = '';
  private unsubscribe: (() => void) | undefined;
  private closed = false;

  constructor(
    private readonly appState: Store<AppState> | undefined,
    private readonly plan: (instances: Instance[]) => Plan,
    private readonly options: { concurrency: number; onResult: (id: string, result: CheckResult) => void },
  ) {}

  get current(): Scheduler | undefined {
    return this.scheduler;
  }

  open(): void {
    this.reconcile();
    this.unsubscribe = this.appState?.subscribe(() => this.reconcile());
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe?.();
    const stopping = [this.scheduler?.stop(), ...this.retiring];
    this.scheduler = undefined;
    await Promise.all(stopping);
  }

  private reconcile(): void {
    const instances = this.appState?.get().instances ?? [];
    if (this.closed || (instances === this.instances && this.scheduler)) return;
    this.instances = instances;
    const plan = this.plan(instances);
    if (plan.signature === this.signature && this.scheduler) return;
    this.signature = plan.signature;
    plan.adopt();
    const previous = this.scheduler;
    this.scheduler = createScheduler(plan.jobs, this.options);
    this.scheduler.start();
    if (previous) {
      const stopping = previous.stop().finally(() => this.retiring.delete(stopping));
      this.retiring.add(stopping);
    }
  }
}
