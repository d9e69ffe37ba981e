// Polls consumer-group lag on an interval into its own store. One poll at a time (a tick
// that finds one running is skipped), exponential back-off while the cluster is unreachable,
// and a fresh admin client after a failure so a restarted broker is picked up by itself.
import type { Admin, Kafka } from 'kafkajs';
import { createStore, type Store } from '../../store/store';
import { pollGroupLag, type LagPoll } from '../lag/poller';
import type { KafkaConfig } from './config-schema';
import { kafkaClient, describeBrokers } from './kafka-client';
import { LagTracker } from './lag-tracker';
import type { LagState } from './lag-model';
import { fetchAllReported, type ReportedLag } from './consumer-metric';
import { clusterError, groupQueries, selectTopics } from './selection';

export interface LagSourceOptions {
  kafka?: Kafka;
  /** Longest wait between attempts while the cluster is down (default 30 s). */
  maxBackoffMs?: number;
  batchMs?: number;
}

const STALE_METADATA = /cannot read log end|topic ".*" does not exist|does not host this topic/;

const text = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class LagSource {
  readonly store: Store<LagState>;
  private readonly kafka: Kafka;
  private readonly tracker: LagTracker;
  private admin?: Promise<Admin>;
  private inFlight?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private running = false;
  private failures = 0;

  constructor(readonly config: KafkaConfig, private readonly options: LagSourceOptions = {}) {
    this.kafka = options.kafka ?? kafkaClient(config);
    this.tracker = new LagTracker({ window: config.window, thresholds: config.thresholds });
    this.store = createStore<LagState>({ status: 'connecting', brokers: describeBrokers(config), groups: [] }, options.batchMs ?? 50);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.tick();
  }

  /** Stops polling and closes the admin client. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.inFlight?.catch(() => undefined);
    await this.dropAdmin();
  }

  /** Polls now unless a poll is under way (then waits for that one). */
  poll(): Promise<void> {
    this.inFlight ??= this.pollOnce().finally(() => { this.inFlight = undefined; });
    return this.inFlight;
  }

  /** Runs `work` with the connected admin client (resets use the same connection). */
  async withAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
    return work(await this.connect());
  }

  private async tick(): Promise<void> {
    if (!this.running) return;
    await this.poll();
    if (!this.running) return;
    const delay = this.failures === 0 ? this.config.poll
      : Math.min(this.config.poll * 2 ** this.failures, Math.max(this.config.poll, this.options.maxBackoffMs ?? 30_000));
    if (this.failures > 0) this.store.set((s) => ({ ...s, retryAt: Date.now() + delay }));
    this.timer = setTimeout(() => void this.tick(), delay);
  }

  private connect(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      this.admin = admin.connect().then(() => admin, (error: unknown) => {
        this.admin = undefined;
        void admin.disconnect().catch(() => undefined);
        throw error;
      });
    }
    return this.admin;
  }

  private async dropAdmin(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.then((a) => a.disconnect()).catch(() => undefined);
  }

  private async pollOnce(): Promise<void> {
    const started = performance.now();
    let poll: LagPoll;
    let reported = new Map<string, ReportedLag>();
    try {
      const admin = await this.connect();
      [poll, reported] = await Promise.all([
        pollGroupLag(admin, groupQueries(this.config)),
        fetchAllReported(this.config.consumer_metrics),
      ]);
    } catch (error) {
      poll = { polledAt: Date.now(), groups: [], error: `cannot connect: ${text(error)}` };
    }
    const down = clusterError(poll);
    if (down) {
      this.failures++;
      await this.dropAdmin();
      this.store.set((s) => ({ ...s, status: 'down', error: down, polledAt: poll.polledAt }));
      return;
    }
    this.failures = 0;
    // kafkajs keeps every topic it was asked about in its metadata targets; once one is deleted
    // each refresh fails ("does not host this topic-partition"), so start the next poll afresh.
    if (poll.groups.some((g) => g.error && STALE_METADATA.test(g.error))) await this.dropAdmin();
    const groups = this.tracker.update(selectTopics(poll, this.config), reported);
    this.store.set((s) => ({
      status: 'up', brokers: s.brokers, polledAt: poll.polledAt, pollMs: Math.round(performance.now() - started), groups,
    }));
  }
}
