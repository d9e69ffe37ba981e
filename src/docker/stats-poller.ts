// CPU and memory for running containers, sampled once per refresh with a few requests in
// flight at a time. A poll still running when the next is due is not doubled.
import type { Store } from '../store/store';
import type { AppState } from '../store/app-state';
import type { Instance, InstanceStats } from '../runtime/types';
import { StatsSampler } from './stats';
import type { EngineReads } from './engine-reads';
import type { CgroupStats } from './cgroup-stats';

export class StatsPoller {
  private readonly sampler: StatsSampler;
  private polling = false;
  private followUp: NodeJS.Timeout | undefined;
  private readonly followedUp = new Set<string>();

  constructor(engine: Pick<EngineReads, 'stats'>, private readonly state: Store<AppState>, cgroups?: CgroupStats, private readonly concurrency = 16) {
    this.sampler = new StatsSampler(engine, cgroups);
  }

  async poll(instances: Instance[]): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    const results = new Map<string, InstanceStats>();
    const queue = [...instances];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const stats = await this.sampler.sample(next).catch(() => undefined);
        if (stats) results.set(next.id, stats);
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(this.concurrency, instances.length) }, worker));
      const current = this.state.get().instances;
      const live = new Set(current.map((i) => i.id));
      // A stopped container's cgroup is gone; an open file would keep it in the kernel.
      const running = new Set(current.filter((i) => i.state === 'running').map((i) => i.id));
      for (const id of [...this.sampler.known()]) if (!running.has(id)) this.sampler.forget(id);
      this.state.set((s) => {
        const stats = new Map([...s.stats].filter(([id]) => live.has(id)));
        for (const [id, value] of results) stats.set(id, value);
        return { ...s, stats };
      });
      // CPU % needs two samples: a container seen for the first time gets its second one soon,
      // not a whole refresh later.
      const firstSeen = instances.filter((i) => results.get(i.id)?.cpuPercent === undefined && !this.followedUp.has(i.id));
      for (const i of firstSeen) this.followedUp.add(i.id);
      if (firstSeen.length && !this.followUp) {
        this.followUp = setTimeout(() => { this.followUp = undefined; void this.poll(firstSeen); }, 1000);
      }
    } finally {
      this.polling = false;
    }
  }

  stop(): void {
    this.sampler.close();
    clearTimeout(this.followUp);
    this.followUp = undefined;
  }
}
