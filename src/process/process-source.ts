// The process runtime behind the cockpit, with DockerSource's shape: services start in
// dependency order (each waits until what it depends on is healthy), feed the same store and
// log feed, and stop in reverse order. A reaper process makes sure none outlives opsdeck.
import type { Store } from '../store/store';
import { type AppState, sortInstances } from '../store/app-state';
import type { LogFeed } from '../logs/log-feed';
import { makeLine } from '../logs/line';
import type { Instance, InstanceDetails, InstanceStats, Restartable } from '../runtime/types';
import type { ServiceDef } from './config-schema';
import { startOrder } from './order';
import { ServiceProcess } from './service-process';
import { Reaper } from './reaper';
import { CpuMeter, readGroups } from './proc-stats';

export interface ProcessSourceOptions {
  /** Shown as the instances' project; also what the runbook runtime matches. */
  project?: string;
  maxLineBytes?: number;
  keepColor?: boolean;
  statsMs?: number;
}

export class ProcessSource implements Restartable {
  readonly services = new Map<string, ServiceProcess>();
  private readonly order: ServiceDef[];
  private readonly reaper = new Reaper();
  private readonly cpu = new CpuMeter();
  private statsTimer?: NodeJS.Timeout;
  private starting?: Promise<void>;
  private closed = false;

  constructor(defs: ServiceDef[], private readonly state: Store<AppState>, private readonly feed: LogFeed, private readonly options: ProcessSourceOptions = {}) {
    this.order = startOrder(defs);
    for (const def of this.order) {
      this.services.set(def.name, new ServiceProcess(def, {
        maxLineBytes: options.maxLineBytes ?? 16 * 1024, keepColor: options.keepColor ?? false,
        nextSeq: feed.nextSeq, onLines: (lines) => feed.push(lines),
        changed: () => this.publish(),
        group: (pgid, alive) => (alive ? this.reaper.watch(pgid) : this.reaper.forget(pgid)),
        note: (text) => this.note(def.name, text),
      }));
    }
  }

  /** Starts every service in dependency order; `ready()` settles when that is done. */
  open(): void {
    this.state.set((s) => ({ ...s, docker: { kind: 'processes', host: 'local processes', status: 'up' } }));
    this.publish();
    this.starting = this.startAll();
    this.starting.catch(() => undefined);
    this.pollStats();
  }

  ready(): Promise<void> {
    return this.starting ?? Promise.resolve();
  }

  /** Stops every service in reverse dependency order; nothing is left running after it. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.statsTimer);
    for (const def of [...this.order].reverse()) await this.services.get(def.name)!.stop();
    this.reaper.close();
  }

  get reaperPid(): number | undefined {
    return this.reaper.pid;
  }

  private async startAll(): Promise<void> {
    const closed = () => this.closed;
    for (const def of this.order) {
      if (this.closed) return;
      await Promise.all(def.depends_on.map((dep) => this.services.get(dep)!.waitReady(undefined, closed)));
      // Closed while waiting: starting it now would leave a process behind.
      if (this.closed) return;
      this.services.get(def.name)!.start();
    }
    await Promise.all([...this.services.values()].map((s) => s.waitReady(undefined, closed)));
  }

  private get(id: string): ServiceProcess {
    const service = this.services.get(id);
    if (!service) throw new Error(`no service ${id}`);
    return service;
  }

  async restart(id: string): Promise<void> { await this.get(id).restart(); }
  async stop(id: string): Promise<void> { await this.get(id).stop(); }
  async start(id: string): Promise<void> { this.get(id).start(); }

  /** Restarts the service with its environment changed (`undefined` removes a variable). */
  async recreate(id: string, envChanges: Record<string, string | undefined>): Promise<void> {
    const service = this.get(id);
    await service.stop();
    const env = { ...service.def.env };
    for (const [key, value] of Object.entries(envChanges)) {
      if (value === undefined) delete env[key];
      else env[key] = value;
    }
    service.def = { ...service.def, env };
    this.note(id, `${id} recreated with ${Object.entries(envChanges).map(([k, v]) => `${k}=${v ?? '(unset)'}`).join(', ')}`);
    service.start();
  }

  async details(id: string): Promise<InstanceDetails> {
    const service = this.get(id);
    return {
      instance: this.instanceOf(service),
      command: service.def.command.join(' '),
      env: Object.entries(service.def.env).map(([name, value]) => ({ name, value })),
      mounts: service.def.cwd ? [`cwd ${service.def.cwd}`] : [],
      labels: {},
      healthLog: [...service.healthLog],
    };
  }

  instanceOf(service: ServiceProcess): Instance {
    const { def } = service;
    return {
      id: def.name, name: def.name, project: this.options.project, service: def.name,
      image: def.command.map((a) => a.replace(/^.*\/(?=[^/]+\.js$)/, '')).join(' ').slice(0, 60),
      state: service.state, health: service.health, startedAt: service.startedAt, finishedAt: service.finishedAt,
      exitCode: service.state === 'running' ? undefined : service.exitCode, restarts: service.restarts,
      ports: def.ports, tty: false,
    };
  }

  private publish(): void {
    if (this.closed && this.state.get().instances.length === 0) return;
    const instances = sortInstances([...this.services.values()].map((s) => this.instanceOf(s)));
    this.state.set((s) => ({ ...s, instances }));
  }

  private note(service: string, text: string): void {
    this.feed.push([makeLine({ seq: this.feed.nextSeq(), ts: Date.now() * 1000, service, container: service, stream: 'stderr', text: `[opsdeck] ${text}`, truncatedBytes: 0 })]);
  }

  private pollStats(): void {
    const byGroup = new Map([...this.services.values()].filter((s) => s.pid !== undefined).map((s) => [s.pid!, s.def.name]));
    const usage = readGroups(new Set(byGroup.keys()));
    const at = Date.now();
    const stats = new Map<string, InstanceStats>();
    for (const [pgid, name] of byGroup) {
      const u = usage.get(pgid);
      if (!u) continue;
      stats.set(name, { cpuPercent: this.cpu.percent(pgid, u.ticks, at), memBytes: u.rssBytes, at });
    }
    this.state.set((s) => ({ ...s, stats }));
    if (!this.closed) this.statsTimer = setTimeout(() => this.pollStats(), this.options.statsMs ?? 2000);
  }
}
