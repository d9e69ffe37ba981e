// CPU and memory of a container: from its cgroup files when the engine runs here, else from a
// one-shot stats sample. Neither carries a previous reading, so CPU % comes from the difference
// to the sample we took last time, as `docker stats` does with its streamed pairs.
import type Docker from 'dockerode';
import type { Instance, InstanceStats } from '../runtime/types';
import type { EngineReads } from './engine-reads';
import type { CgroupStats } from './cgroup-stats';

export interface CpuSample {
  total: number;
  system: number;
  cpus: number;
  /** Samples from the engine and from cgroup files count time differently: never subtracted. */
  from?: 'cgroup';
}

export function cpuSample(stats: Docker.ContainerStats): CpuSample | undefined {
  const cpu = stats.cpu_stats;
  if (!cpu?.cpu_usage || cpu.system_cpu_usage === undefined) return undefined;
  return { total: cpu.cpu_usage.total_usage, system: cpu.system_cpu_usage, cpus: cpu.online_cpus || cpu.cpu_usage.percpu_usage?.length || 1 };
}

export function cpuPercent(prev: CpuSample | undefined, next: CpuSample | undefined): number | undefined {
  if (!prev || !next || prev.from !== next.from) return undefined;
  const cpuDelta = next.total - prev.total;
  const systemDelta = next.system - prev.system;
  if (systemDelta <= 0 || cpuDelta < 0) return undefined;
  return (cpuDelta / systemDelta) * next.cpus * 100;
}

/** Memory as `docker stats` counts it: usage less the inactive page cache, unless that is more than the usage. */
export function usageLessInactive(usage: number, inactiveFile: number): number {
  return inactiveFile < usage ? usage - inactiveFile : usage;
}

/** memoryUsed of an engine's stats sample (cgroup v1's hierarchical inactive figure first, as the docker CLI takes it). */
export function memoryUsed(stats: Docker.ContainerStats): number | undefined {
  const mem = stats.memory_stats;
  if (!mem?.usage) return undefined;
  const s = (mem.stats ?? {}) as Record<string, number>;
  return usageLessInactive(mem.usage, s.total_inactive_file ?? s.inactive_file ?? s.cache ?? 0);
}

export class StatsSampler {
  private readonly previous = new Map<string, CpuSample>();

  constructor(private readonly engine: Pick<EngineReads, 'stats'>, private readonly cgroups?: CgroupStats) {}

  async sample({ id, pid }: Pick<Instance, 'id' | 'pid'>): Promise<InstanceStats> {
    const local = this.cgroups?.sample(id, pid);
    if (local) {
      // CPU % = CPU time over wall time, what the engine's (CPU time over all cores' time) × cores comes to.
      const sample: CpuSample = { total: local.cpuNs, system: local.atNs, cpus: 1, from: 'cgroup' };
      const cpu = cpuPercent(this.previous.get(id), sample);
      this.previous.set(id, sample);
      return { cpuPercent: cpu, memBytes: local.memBytes, memLimit: local.memLimit, at: Date.now() };
    }
    const stats = await this.engine.stats(id);
    const sample = cpuSample(stats);
    const cpu = cpuPercent(this.previous.get(id), sample);
    if (sample) this.previous.set(id, sample);
    return { cpuPercent: cpu, memBytes: memoryUsed(stats), memLimit: stats.memory_stats?.limit || undefined, at: Date.now() };
  }

  forget(id: string): void {
    this.previous.delete(id);
    this.cgroups?.forget(id);
  }

  close(): void {
    this.cgroups?.close();
  }

  /** The containers sampled so far. */
  known(): IterableIterator<string> {
    return this.previous.keys();
  }
}
