// CPU and memory from one-shot stats samples. A one-shot sample carries no previous reading,
// so CPU % comes from the difference to the sample we took last time, as `docker stats` does
// with its streamed pairs.
import type Docker from 'dockerode';
import type { InstanceStats } from '../runtime/types';
import type { EngineReads } from './engine-reads';

export interface CpuSample {
  total: number;
  system: number;
  cpus: number;
}

export function cpuSample(stats: Docker.ContainerStats): CpuSample | undefined {
  const cpu = stats.cpu_stats;
  if (!cpu?.cpu_usage || cpu.system_cpu_usage === undefined) return undefined;
  return { total: cpu.cpu_usage.total_usage, system: cpu.system_cpu_usage, cpus: cpu.online_cpus || cpu.cpu_usage.percpu_usage?.length || 1 };
}

export function cpuPercent(prev: CpuSample | undefined, next: CpuSample | undefined): number | undefined {
  if (!prev || !next) return undefined;
  const cpuDelta = next.total - prev.total;
  const systemDelta = next.system - prev.system;
  if (systemDelta <= 0 || cpuDelta < 0) return undefined;
  return (cpuDelta / systemDelta) * next.cpus * 100;
}

/** Memory as `docker stats` counts it: usage less the page cache. */
export function memoryUsed(stats: Docker.ContainerStats): number | undefined {
  const mem = stats.memory_stats;
  if (!mem?.usage) return undefined;
  const s = (mem.stats ?? {}) as Record<string, number>;
  const cache = s.inactive_file ?? s.total_inactive_file ?? s.cache ?? 0;
  return Math.max(0, mem.usage - cache);
}

export class StatsSampler {
  private readonly previous = new Map<string, CpuSample>();

  constructor(private readonly engine: Pick<EngineReads, 'stats'>) {}

  async sample(id: string): Promise<InstanceStats> {
    const stats = await this.engine.stats(id);
    const sample = cpuSample(stats);
    const cpu = cpuPercent(this.previous.get(id), sample);
    if (sample) this.previous.set(id, sample);
    return { cpuPercent: cpu, memBytes: memoryUsed(stats), memLimit: stats.memory_stats?.limit || undefined, at: Date.now() };
  }

  forget(id: string): void {
    this.previous.delete(id);
  }
}
