// CPU and memory of local containers read straight from their cgroup files, as cAdvisor and
// ctop do, instead of a one-shot stats request per container per refresh: at 20 containers that
// was ~6 ms of opsdeck's CPU a second (and 2–3 % of a core in dockerd), the files ~1 ms
// (bench/RESULTS.md). Each file is opened once and re-read from offset 0. Whatever cannot be
// found or read gives undefined, and the caller asks the engine as before.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { totalmem } from 'node:os';
import { containerCgroup, parseCgroupMounts, type CgroupMounts, type ContainerCgroup } from './cgroup-paths';
import { usageLessInactive } from './stats';

export interface CgroupSample {
  /** CPU time used since the container started, ns. */
  cpuNs: number;
  /** When it was read (performance.now() in ns), the denominator of CPU %. */
  atNs: number;
  /** Memory as `docker stats` counts it: usage less the inactive page cache. */
  memBytes: number;
  memLimit: number;
}

const LIMIT_EVERY_MS = 10_000;
const buffer = Buffer.alloc(16_384);

/** The text of an open cgroup file, read again from its start. */
function reread(fd: number): string {
  return buffer.toString('latin1', 0, readSync(fd, buffer, 0, buffer.length, 0));
}

/** The number after `name` in a "key value" per line file (memory.stat, cpu.stat). */
function statField(text: string, name: string): number | undefined {
  const key = `${name} `;
  const at = text.startsWith(key) ? 0 : text.indexOf(`\n${key}`) + 1 || -1;
  if (at < 0) return undefined;
  const end = text.indexOf('\n', at);
  return Number(text.slice(at + key.length, end < 0 ? undefined : end));
}

class ContainerFiles {
  private readonly fds: { cpu: number; usage: number; stat: number; limit: number };
  private limit = 0;
  private limitAt = -Infinity;

  constructor(readonly pid: number, private readonly cgroup: ContainerCgroup) {
    const files = cgroup.version === 1
      ? [`${cgroup.cpuacct}/cpuacct.usage`, `${cgroup.memory}/memory.usage_in_bytes`, `${cgroup.memory}/memory.stat`, `${cgroup.memory}/memory.limit_in_bytes`]
      : ['cpu.stat', 'memory.current', 'memory.stat', 'memory.max'].map((f) => `${cgroup.dir}/${f}`);
    const opened: number[] = [];
    try {
      for (const file of files) opened.push(openSync(file, 'r'));
    } catch (error) {
      for (const fd of opened) closeSync(fd);
      throw error;
    }
    const [cpu, usage, stat, limit] = opened;
    this.fds = { cpu, usage, stat, limit };
  }

  read(): CgroupSample {
    const v1 = this.cgroup.version === 1;
    const cpuText = reread(this.fds.cpu);
    const cpuNs = v1 ? Number(cpuText) : (statField(cpuText, 'usage_usec') ?? Number.NaN) * 1000;
    const usage = Number(reread(this.fds.usage));
    const inactive = statField(reread(this.fds.stat), v1 ? 'total_inactive_file' : 'inactive_file') ?? 0;
    if (performance.now() - this.limitAt >= LIMIT_EVERY_MS) {
      const text = reread(this.fds.limit).trim();
      // No limit: the host's memory, as the engine reports it.
      this.limit = text === 'max' ? totalmem() : Math.min(Number(text), totalmem());
      this.limitAt = performance.now();
    }
    if (!Number.isFinite(cpuNs) || !Number.isFinite(usage)) throw new Error('unreadable cgroup counters');
    return { cpuNs, atNs: performance.now() * 1e6, memBytes: usageLessInactive(usage, inactive), memLimit: this.limit };
  }

  close(): void {
    for (const fd of Object.values(this.fds)) closeSync(fd);
  }
}

export class CgroupStats {
  private mounts: CgroupMounts | undefined;
  private readonly open = new Map<string, ContainerFiles>();
  /** Containers (id:pid) whose counters are not to be found here: not looked for again. */
  private readonly unreachable = new Set<string>();

  /** A sample of container `id` whose first process is `pid`, or undefined to ask the engine. */
  sample(id: string, pid: number | undefined): CgroupSample | undefined {
    if (!pid) return undefined;
    let files = this.open.get(id);
    if (files && files.pid !== pid) { this.forget(id); files = undefined; }
    files ??= this.locate(id, pid);
    if (!files) return undefined;
    try {
      return files.read();
    } catch {
      this.forget(id); // removed or restarted under us: looked for again next time
      return undefined;
    }
  }

  forget(id: string): void {
    this.open.get(id)?.close();
    this.open.delete(id);
  }

  close(): void {
    for (const id of [...this.open.keys()]) this.forget(id);
  }

  private locate(id: string, pid: number): ContainerFiles | undefined {
    const key = `${id}:${pid}`;
    if (this.unreachable.has(key)) return undefined;
    if (this.unreachable.size > 1000) this.unreachable.clear();
    try {
      this.mounts ??= parseCgroupMounts(readFileSync('/proc/self/mountinfo', 'utf8'));
      const cgroup = containerCgroup(readFileSync(`/proc/${pid}/cgroup`, 'utf8'), this.mounts, id);
      if (!cgroup) throw new Error('not this container');
      const files = new ContainerFiles(pid, cgroup);
      this.open.set(id, files);
      return files;
    } catch {
      this.unreachable.add(key);
      return undefined;
    }
  }
}
