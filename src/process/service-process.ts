// One supervised service: start, health checks, restart on crash with a doubling backoff,
// stop with SIGTERM to its process group and SIGKILL after the grace.
import type { HealthStatus, InstanceState } from '../runtime/types';
import type { LogLine } from '../logs/line';
import type { ServiceDef } from './config-schema';
import { spawnService, serviceEnv, type Exit, type SpawnOptions } from './spawn';
import { probeHealth } from './health-probe';

export interface ServiceHooks extends SpawnOptions {
  changed: () => void;
  /** A group was started or is gone (for the reaper). */
  group: (pgid: number, alive: boolean) => void;
  /** opsdeck's own notes about the service (exits, restarts), as log lines. */
  note: (text: string) => void;
}

export interface HealthEntry { at: number; exitCode: number; output: string }

export class ServiceProcess {
  state: InstanceState = 'created';
  health?: HealthStatus;
  pid?: number;
  startedAt?: number;
  finishedAt?: number;
  exitCode?: number;
  /** Automatic restarts after crashes (manual restarts do not count, as in Docker). */
  restarts = 0;
  readonly healthLog: HealthEntry[] = [];
  private wanted = false;
  private backoffMs: number;
  private restartTimer?: NodeJS.Timeout;
  private healthTimer?: NodeJS.Timeout;
  private failures = 0;
  private exited?: Promise<Exit>;

  constructor(public def: ServiceDef, private readonly hooks: ServiceHooks) {
    this.backoffMs = def.backoff.min;
  }

  get env(): Record<string, string> {
    return serviceEnv(this.def);
  }

  start(): void {
    this.wanted = true;
    clearTimeout(this.restartTimer);
    if (this.pid !== undefined) return;
    this.launch();
  }

  async stop(): Promise<void> {
    this.wanted = false;
    clearTimeout(this.restartTimer);
    const { pid, exited } = this;
    if (pid === undefined || !exited) {
      if (this.state === 'restarting') this.set('exited');
      return;
    }
    this.signal(pid, 'SIGTERM');
    const timer = setTimeout(() => this.signal(pid, 'SIGKILL'), this.def.stop_grace);
    await exited;
    clearTimeout(timer);
    this.signal(pid, 'SIGKILL'); // anything of the group still alive (a child that ignored SIGTERM)
  }

  async restart(): Promise<void> {
    await this.stop();
    this.backoffMs = this.def.backoff.min;
    this.start();
  }

  /** Resolves when healthy (or running, without a health check); rejects after ready_timeout. */
  waitReady(timeoutMs = this.def.ready_timeout, abandoned: () => boolean = () => false): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    return new Promise((resolve, reject) => {
      const poll = () => {
        if (this.state === 'running' && (!this.def.health || this.health === 'healthy')) return resolve();
        if (abandoned()) return reject(new Error(`${this.def.name}: no longer waited for (shutting down)`));
        if (Date.now() > deadline) return reject(new Error(`${this.def.name} is not ${this.def.health ? 'healthy' : 'running'} after ${timeoutMs} ms`));
        setTimeout(poll, 50);
      };
      poll();
    });
  }

  private launch(): void {
    const spawned = spawnService(this.def, this.hooks);
    this.startedAt = Date.now();
    if (!('pid' in spawned)) return this.onExit(spawned);
    this.pid = spawned.pid;
    this.exited = spawned.exited;
    this.hooks.group(spawned.pid, true);
    this.health = this.def.health ? 'starting' : undefined;
    this.failures = 0;
    this.set('running');
    this.scheduleHealth(0);
    void spawned.exited.then((exit) => this.onExit(exit));
  }

  private onExit(exit: Exit): void {
    if (this.pid !== undefined) {
      this.signal(this.pid, 'SIGKILL');
      this.hooks.group(this.pid, false);
    }
    const ranMs = Date.now() - (this.startedAt ?? Date.now());
    this.pid = undefined;
    this.exited = undefined;
    clearTimeout(this.healthTimer);
    this.finishedAt = Date.now();
    this.exitCode = exit.code ?? (exit.signal ? 128 + signalNumber(exit.signal) : 127);
    this.health = undefined;
    const how = exit.error ?? (exit.signal ? `killed by ${exit.signal}` : `exited with code ${exit.code}`);
    const crashed = this.wanted && (this.def.restart === 'always' || (this.def.restart === 'on-failure' && this.exitCode !== 0));
    if (!crashed) {
      if (this.wanted) this.hooks.note(`${this.def.name} ${how}`);
      this.wanted = false;
      return this.set('exited');
    }
    if (ranMs > this.def.backoff.max) this.backoffMs = this.def.backoff.min;
    this.hooks.note(`${this.def.name} ${how}; restarting in ${this.backoffMs} ms`);
    this.set('restarting');
    this.restartTimer = setTimeout(() => { this.restarts++; this.launch(); }, this.backoffMs);
    this.backoffMs = Math.min(this.backoffMs * 2, this.def.backoff.max);
  }

  private scheduleHealth(delay: number): void {
    const health = this.def.health;
    if (!health) return;
    this.healthTimer = setTimeout(async () => {
      const pid = this.pid;
      const result = await probeHealth(health, this.env, this.def.cwd);
      if (this.pid !== pid || pid === undefined) return;
      this.healthLog.push({ at: Date.now(), exitCode: result.ok ? 0 : 1, output: result.output });
      if (this.healthLog.length > 5) this.healthLog.shift();
      this.failures = result.ok ? 0 : this.failures + 1;
      const next: HealthStatus | undefined = result.ok ? 'healthy' : this.health === 'starting' ? 'starting' : this.failures >= health.retries ? 'unhealthy' : this.health;
      if (next !== this.health) { this.health = next; this.hooks.changed(); }
      this.scheduleHealth(this.health === 'starting' ? Math.min(250, health.interval) : health.interval);
    }, delay);
  }

  private signal(pid: number, signal: NodeJS.Signals): void {
    try { process.kill(-pid, signal); } catch { /* the group is gone */ }
  }

  private set(state: InstanceState): void {
    this.state = state;
    this.hooks.changed();
  }
}

function signalNumber(name: string): number {
  return ({ SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGSEGV: 11, SIGTERM: 15 } as Record<string, number>)[name] ?? 0;
}
