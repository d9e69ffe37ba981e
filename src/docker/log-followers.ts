// One log follower per running container. A follower that ends (container stopped, engine
// gone) is started again when the container runs, from the last timestamp it delivered.
import type Docker from 'dockerode';
import type { LogFeed } from '../logs/log-feed';
import type { Instance } from '../runtime/types';
import { followLogs } from './log-follower';

export interface LogFollowOptions {
  tail: number;
  maxLineBytes: number;
  keepColor: boolean;
}

export class LogFollowers {
  private readonly running = new Map<string, AbortController>();
  private readonly lastTs = new Map<string, number>();

  constructor(private readonly docker: Docker, private readonly feed: LogFeed, private readonly options: LogFollowOptions) {}

  ensure(instance: Instance): void {
    if (instance.state !== 'running' || this.running.has(instance.id)) return;
    const abort = new AbortController();
    this.running.set(instance.id, abort);
    followLogs(this.docker, instance.id, {
      service: instance.service, container: instance.name, tty: instance.tty,
      tail: this.options.tail, afterTs: this.lastTs.get(instance.id), follow: true,
      maxLineBytes: this.options.maxLineBytes, keepColor: this.options.keepColor,
      signal: abort.signal, nextSeq: this.feed.nextSeq,
    }, (lines) => {
      this.lastTs.set(instance.id, lines[lines.length - 1].ts);
      this.feed.push(lines);
    })
      .catch(() => undefined)
      .finally(() => {
        if (this.running.get(instance.id) === abort) this.running.delete(instance.id);
      });
  }

  stop(id: string): void {
    this.running.get(id)?.abort();
    this.running.delete(id);
  }

  stopAll(): void {
    for (const abort of this.running.values()) abort.abort();
    this.running.clear();
  }
}
