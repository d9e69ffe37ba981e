// Log lines from every follower land here and reach the store in one batch per window,
// so a flood costs one insert and one render per window.
import { LogStore, type FollowerOf } from './log-store';
import type { LogLine } from './line';
import type { PackedLines } from './packed-lines';
import type { Listener } from '../store/store';

export class LogFeed {
  readonly store: LogStore;
  private pending: LogLine[] = [];
  private pendingPacked: { lines: PackedLines; followerOf: FollowerOf }[] = [];
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
    this.pendingPacked.push({ lines, followerOf });
    this.flush();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0 && this.pendingPacked.length === 0) return;
    const batch = this.pending;
    const packed = this.pendingPacked;
    this.pending = [];
    this.pendingPacked = [];
    this.store.add(batch);
    for (const { lines, followerOf } of packed) this.store.addPacked(lines, followerOf, this.nextSeq);
    for (const listener of [...this.listeners]) listener();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
