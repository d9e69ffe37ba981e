// Log lines from every follower land here and reach the store in one batch per window,
// so a flood costs one insert and one render per window.
import { LogStore, type FollowerOf } from './log-store';
import type { LogLine } from './line';
import type { PackedLines } from './packed-lines';
import type { Listener } from '../store/store';
import { BehindMeter } from './log-behind';

export class LogFeed {
  readonly store: LogStore;
  /** How far the lines landing now trail their timestamps. */
  readonly behind = new BehindMeter();
  private pending: LogLine[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<Listener>();
  private seq = 0;

  constructor(capacityPerService: number, private readonly batchMs = 50, bytesPerService?: number) {
    this.store = new LogStore(capacityPerService, bytesPerService);
  }

  nextSeq = (): number => ++this.seq;

  push(lines: LogLine[]): void {
    for (const line of lines) this.pending.push(line);
    this.timer ??= setTimeout(() => this.flush(), this.batchMs);
  }

  /** Lines from the log thread, which batches them itself: they land at once, with any pending. */
  pushPacked(lines: PackedLines, followerOf: FollowerOf): void {
    let newest = -Infinity;
    for (let i = 0; i < lines.count; i++) if (lines.ts[i] > newest) newest = lines.ts[i];
    this.flush(() => this.store.addPacked(lines, followerOf, this.nextSeq), newest);
  }

  /** Lands the pending lines (and whatever `addMore` adds) in the store, and tells the listeners. */
  flush(addMore?: () => void, newestAdded = -Infinity): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0 && !addMore) return;
    const batch = this.pending;
    this.pending = [];
    this.store.add(batch);
    addMore?.();
    let newest = newestAdded;
    for (const line of batch) if (line.ts > newest) newest = line.ts;
    if (newest > -Infinity) this.behind.note(newest, Date.now());
    for (const listener of [...this.listeners]) listener();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
