// Keeps the store in step with one Docker engine: a reconciling poll, the event stream for
// prompt state changes, CPU and memory samples, and a log follower per running container. An engine
// that is unreachable or goes away is a state with its error and a retry time, never a crash.
import type Docker from 'dockerode';
import type { Store } from '../store/store';
import { type AppState, upsertInstance, removeInstance, sortInstances } from '../store/app-state';
import type { LogFeed } from '../logs/log-feed';
import type { Instance, InstanceDetails, Restartable } from '../runtime/types';
import { connectDocker, dockerErrorText } from './connect';
import { toDetails, toInstance } from './instance';
import { PROJECT_LABEL } from './labels';
import { watchContainerEvents, type ContainerEvent } from './event-stream';
import { LogFollowers, type LogFollowOptions } from './log-followers';
import { StatsPoller } from './stats-poller';
import { engineReads, type EngineReads } from './engine-reads';
import { CgroupStats } from './cgroup-stats';

/**
 * While the event stream is up, changes arrive as events, and the full container list is a
 * resync at most this often (as k9s's watches resync), not every refresh: at 20 containers and
 * a 1 s refresh the list was ~1 ms of CPU a second, a tenth of an idle cockpit's.
 */
export const RESYNC_MS = 5000;

export interface DockerSourceOptions {
  host: string;
  project?: string;
  refreshMs: number;
  logs: LogFollowOptions;
  maxBackoffMs?: number;
}

export class DockerSource implements Restartable {
  readonly docker: Docker;
  private readonly engine: EngineReads;
  private readonly followers: LogFollowers;
  private readonly stats: StatsPoller;
  private connection: AbortController | undefined;
  private timer: NodeJS.Timeout | undefined;
  private inspectTimer: NodeJS.Timeout | undefined;
  private readonly toInspect = new Set<string>();
  private backoffMs = 1000;
  private stopped = false;
  private eventsLive = false;
  private listedAt = -Infinity;

  constructor(private readonly options: DockerSourceOptions, private readonly state: Store<AppState>, logs: LogFeed) {
    this.docker = connectDocker(options.host);
    this.engine = engineReads(options.host, this.docker);
    this.followers = new LogFollowers(this.docker, logs, options.logs, options.host);
    // Containers of an engine on this machine are sampled from their cgroups (checked per container).
    this.stats = new StatsPoller(this.engine, state, process.platform === 'linux' ? new CgroupStats() : undefined);
  }

  open(): void {
    void this.tick();
  }

  close(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.inspectTimer);
    this.connection?.abort();
    this.followers.close();
    this.stats.stop();
    this.engine.close();
  }

  async details(id: string): Promise<InstanceDetails> {
    return toDetails(await this.docker.getContainer(id).inspect());
  }

  async restart(id: string): Promise<void> {
    await this.docker.getContainer(id).restart({ t: 10 });
    this.inspectSoon(id);
  }

  async stop(id: string): Promise<void> {
    await this.docker.getContainer(id).stop({ t: 10 });
    this.inspectSoon(id);
  }

  async start(id: string): Promise<void> {
    await this.docker.getContainer(id).start();
    this.inspectSoon(id);
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    clearTimeout(this.timer);
    try {
      if (!this.connection) await this.connect();
      if (!this.eventsLive || Date.now() - this.listedAt >= Math.max(this.options.refreshMs, RESYNC_MS)) {
        await this.refresh();
        this.listedAt = Date.now();
      }
      this.backoffMs = 1000;
      this.schedule(this.options.refreshMs);
      void this.stats.poll(this.state.get().instances.filter((i) => i.state === 'running'));
    } catch (error) {
      this.goneDown(error);
    }
  }

  private schedule(ms: number): void {
    if (!this.stopped) this.timer = setTimeout(() => void this.tick(), ms);
  }

  private async connect(): Promise<void> {
    const version = await this.docker.version();
    const connection = (this.connection = new AbortController());
    this.state.set((s) => ({ ...s, docker: { host: this.options.host, status: 'up', version: `${version.Version} (API ${version.ApiVersion})` } }));
    this.eventsLive = true;
    watchContainerEvents(this.docker, this.options.project, connection.signal, (event) => this.onEvent(event))
      .catch(() => undefined)
      .finally(() => {
        if (connection.signal.aborted) return;
        this.eventsLive = false; // nothing arrives as events now: list every refresh
        void this.tick();
      });
  }

  private goneDown(error: unknown): void {
    this.connection?.abort();
    this.connection = undefined;
    this.eventsLive = false;
    this.followers.stopAll();
    const retryAt = Date.now() + this.backoffMs;
    this.state.set((s) => ({ ...s, docker: { host: this.options.host, status: 'down', error: dockerErrorText(error), retryAt } }));
    this.schedule(this.backoffMs);
    this.backoffMs = Math.min(this.backoffMs * 2, this.options.maxBackoffMs ?? 10_000);
  }

  private async refresh(): Promise<void> {
    const filters = this.options.project ? { label: [`${PROJECT_LABEL}=${this.options.project}`] } : undefined;
    const summaries = await this.engine.list(filters);
    const known = new Map(this.state.get().instances.map((i) => [i.id, i]));
    const changed = summaries.filter((s) => {
      const had = known.get(s.Id);
      return !had || had.state !== s.State || healthOf(s.Status) !== (had.health ?? '');
    });
    const inspected = await Promise.all(changed.map((s) => this.inspect(s.Id)));
    const live = new Set(summaries.map((s) => s.Id));
    this.state.set((s) => {
      // Nothing new, nothing gone: keep the same array, so an idle refresh re-renders nothing.
      if (inspected.length === 0 && s.instances.length === live.size && s.instances.every((i) => live.has(i.id))) return s;
      const kept = s.instances.filter((i) => live.has(i.id) && !inspected.some((n) => n?.id === i.id));
      return { ...s, instances: sortInstances([...kept, ...inspected.filter((i): i is Instance => !!i)]) };
    });
    for (const id of known.keys()) if (!live.has(id)) this.followers.stop(id);
    for (const instance of this.state.get().instances) this.followers.ensure(instance);
  }

  private async inspect(id: string): Promise<Instance | undefined> {
    try {
      return toInstance(await this.docker.getContainer(id).inspect());
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return undefined;
      throw error;
    }
  }

  private onEvent(event: ContainerEvent): void {
    if (event.action === 'destroy') {
      this.followers.stop(event.id);
      this.state.set((s) => removeInstance(s, event.id));
      return;
    }
    this.inspectSoon(event.id);
  }

  /** Re-inspects after a short pause, so a burst of events about one container costs one inspect. */
  private inspectSoon(id: string): void {
    this.toInspect.add(id);
    this.inspectTimer ??= setTimeout(() => void this.inspectQueued(), 20);
  }

  private async inspectQueued(): Promise<void> {
    this.inspectTimer = undefined;
    const ids = [...this.toInspect];
    this.toInspect.clear();
    for (const id of ids) {
      let instance: Instance | undefined;
      try {
        instance = await this.inspect(id);
      } catch {
        continue; // the engine is failing; the next tick notices and says so
      }
      if (this.stopped) return;
      if (!instance) {
        this.state.set((s) => removeInstance(s, id));
        continue;
      }
      this.state.set((s) => upsertInstance(s, instance));
      this.followers.ensure(instance);
    }
  }
}

function healthOf(status: string): string {
  return /\((healthy|unhealthy)\)/.exec(status)?.[1] ?? (/health: starting/.test(status) ? 'starting' : '');
}
