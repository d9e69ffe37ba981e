// One log follower per running container, on the log thread when there is one (see
// log-thread-client.ts), on the main thread otherwise. A follower that ends (container stopped,
// engine gone) is started again when the container runs, from the last timestamp it delivered.
import type Docker from 'dockerode';
import type { LogFeed } from '../logs/log-feed';
import type { Instance } from '../runtime/types';
import { followLogs } from './log-follower';
import { LogThread } from './log-thread-client';

export interface LogFollowOptions {
  tail: number;
  maxLineBytes: number;
  keepColor: boolean;
}

interface Running { stop(): void }

export class LogFollowers {
  private readonly running = new Map<string, Running>();
  private readonly lastTs = new Map<string, number>();
  /** Started with the first follower, so that it costs the first frame nothing; null: none for this engine. */
  private logThread: LogThread | null | undefined;

  constructor(private readonly docker: Docker, private readonly feed: LogFeed, private readonly options: LogFollowOptions, private readonly host?: string) {}

  /** Whether new followers run on the log thread. */
  get threaded(): boolean {
    return this.thread?.alive === true;
  }

  private get thread(): LogThread | undefined {
    if (this.logThread === undefined) this.logThread = (this.host === undefined ? undefined : LogThread.open(this.host, this.feed)) ?? null;
    return this.logThread ?? undefined;
  }

  ensure(instance: Instance): void {
    if (instance.state !== 'running' || this.running.has(instance.id)) return;
    const { tail, maxLineBytes, keepColor } = this.options;
    const options = { tty: instance.tty, maxLineBytes, keepColor, afterTs: this.lastTs.get(instance.id) };
    const ended = (running: Running, lastTs: number | undefined) => {
      if (lastTs !== undefined) this.lastTs.set(instance.id, lastTs);
      if (this.running.get(instance.id) === running) this.running.delete(instance.id);
    };
    if (this.thread?.alive) {
      const thread = this.thread;
      const follow = { service: instance.service, container: instance.name, tail, options, lastTs: undefined as number | undefined, onEnded: (lastTs: number | undefined) => ended(running, lastTs) };
      const follower = thread.follow(instance.id, follow);
      const running: Running = { stop: () => { thread.stop(follower); ended(running, follow.lastTs); } };
      this.running.set(instance.id, running);
      return;
    }
    const abort = new AbortController();
    const running: Running = { stop: () => abort.abort() };
    this.running.set(instance.id, running);
    let lastTs: number | undefined;
    followLogs(this.docker, instance.id, {
      ...options, service: instance.service, container: instance.name, tail, follow: true, signal: abort.signal, nextSeq: this.feed.nextSeq,
    }, (lines) => {
      lastTs = lines[lines.length - 1].ts;
      this.feed.push(lines);
    })
      .catch(() => undefined)
      .finally(() => ended(running, lastTs));
  }

  stop(id: string): void {
    this.running.get(id)?.stop();
    this.running.delete(id);
  }

  stopAll(): void {
    for (const running of this.running.values()) running.stop();
    this.running.clear();
  }

  /** Stops every follower and the log thread. */
  close(): void {
    this.stopAll();
    this.logThread?.close();
    this.logThread = null;
  }
}
