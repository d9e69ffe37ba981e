// The main thread's side of the log thread: asks it to follow or stop following containers, and
// feeds the packed lines it sends into the LogFeed. Only for engines over a unix socket or plain
// TCP, and only where the thread's bundle is (dist/log-thread.js); otherwise there is none and
// logs are followed on the main thread as before.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LogFeed } from '../logs/log-feed';
import { releasePacked } from '../logs/packed-lines';
import { plainEngine } from './engine-http';
import type { LogStreamOptions } from './log-stream-parser';
import type { FromLogThread, LogThreadData, ToLogThread } from './log-thread-messages';

export interface LogThreadFollow {
  service: string;
  container: string;
  tail: number;
  options: LogStreamOptions;
  /** Timestamp (µs) of the newest line received so far; the client keeps it. */
  lastTs?: number;
  /** The stream ended (container stopped, engine gone, thread lost); lastTs (µs) is where to pick up. */
  onEnded(lastTs: number | undefined, error?: string): void;
}

// Lines already handed to the feed may name a follower after it ended: its names stay this long.
const FORGET_AFTER_MS = 10_000;

export class LogThread {
  private readonly worker: Worker;
  private readonly followers = new Map<number, LogThreadFollow>();
  private readonly stopped = new Set<number>();
  private nextFollower = 1;
  private lost = false;

  static open(host: string, feed: LogFeed): LogThread | undefined {
    const file = plainEngine(host) ? logThreadFile() : undefined;
    return file ? new LogThread(file, host, feed) : undefined;
  }

  private constructor(file: string, host: string, private readonly feed: LogFeed) {
    // Its garbage is short-lived strings, one set per line: a small young generation suits it.
    this.worker = new Worker(file, { workerData: { host } satisfies LogThreadData, resourceLimits: { maxYoungGenerationSizeMb: 6 } });
    this.worker.unref();
    this.worker.on('message', (message: FromLogThread) => this.received(message));
    this.worker.on('error', (error) => this.threadLost(error.message));
    this.worker.on('exit', () => this.threadLost('the log thread exited'));
  }

  /** Whether the thread still runs; once lost, followers go back to the main thread. */
  get alive(): boolean {
    return !this.lost;
  }

  follow(id: string, follow: LogThreadFollow): number {
    const follower = this.nextFollower++;
    this.followers.set(follower, follow);
    this.send({ op: 'follow', follower, id, tail: follow.tail, options: follow.options });
    return follower;
  }

  stop(follower: number): void {
    this.send({ op: 'stop', follower });
    this.stopped.add(follower);
    this.forgetSoon(follower);
  }

  close(): void {
    this.lost = true;
    void this.worker.terminate();
  }

  private readonly followerOf = (follower: number) => this.followers.get(follower);

  private received(message: FromLogThread): void {
    if (message.op === 'lines') {
      const { count, follower, ts } = message.lines;
      let follow: LogThreadFollow | undefined;
      for (let i = 0; i < count; i++) {
        if (i === 0 || follower[i] !== follower[i - 1]) follow = this.followers.get(follower[i]);
        // Sent before the thread heard of the stop: past the lastTs a new follower starts from, so dropped.
        if (!follow || this.stopped.has(follower[i])) follower[i] = 0;
        else if (!(ts[i] <= follow.lastTs!)) follow.lastTs = ts[i];
      }
      this.feed.pushPacked(message.lines, this.followerOf);
      releasePacked(message.lines);
      this.send({ op: 'ack' });
    } else {
      const follow = this.stopped.has(message.follower) ? undefined : this.followers.get(message.follower);
      follow?.onEnded(message.lastTs || follow.lastTs, message.error);
      this.forgetSoon(message.follower);
    }
  }

  private forgetSoon(follower: number): void {
    setTimeout(() => { this.followers.delete(follower); this.stopped.delete(follower); }, FORGET_AFTER_MS).unref();
  }

  private threadLost(error: string): void {
    if (this.lost) return;
    this.lost = true;
    for (const follow of this.followers.values()) follow.onEnded(follow.lastTs, error);
    this.followers.clear();
  }

  private send(message: ToLogThread): void {
    if (!this.lost) this.worker.postMessage(message);
  }
}

/** dist/log-thread.js: beside the bundle or its chunks, or, run from src/ (the tests), in the build the test setup makes. */
function logThreadFile(): string | undefined {
  for (const relative of ['./log-thread.js', '../log-thread.js', '../../dist/log-thread.js']) {
    const file = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(file)) return file;
  }
  return undefined;
}
