// Merged logs of many services. Each service keeps its newest lines in fixed-size typed arrays
// and a byte ring (memory is bounded by configuration); the merged order indexes every kept
// line by Docker timestamp. Lines pushed out of a service are counted per service and dropped
// from the order after each batch. LogLine objects are built only when read.
import { compareLines, type LogLevel, type LogLine } from './line';
import { MergedOrder } from './merged-order';
import { ServiceLines } from './service-lines';
import type { PackedLines } from './packed-lines';

/** The service and container of a log thread follower, or undefined once it is forgotten. */
export type FollowerOf = (follower: number) => { service: string; container: string } | undefined;

/** Text bytes kept per service unless configured (logs.buffer_bytes). */
export const DEFAULT_BUFFER_BYTES = 1024 * 1024;
const MAX_SERVICES = 65_536;

export class LogStore {
  private readonly order = new MergedOrder();
  private readonly byIndex: ServiceLines[] = [];
  private readonly byName = new Map<string, number>();
  private firsts = new Float64Array(16);
  /** The lines last built by lineAt, so a row on screen stays the same object between frames. */
  private built = new Map<number, LogLine>();
  /** Lines ever added; the pause counter reads it. */
  received = 0;
  version = 0;

  constructor(readonly capacityPerService: number, readonly bytesPerService = DEFAULT_BUFFER_BYTES) {}

  add(batch: LogLine[]): void {
    if (batch.length === 0) return;
    batch.sort(compareLines);
    const dropped = this.dropped();
    for (const line of batch) {
      const service = this.serviceIndex(line.service);
      this.order.push(line.ts, line.seq, service, this.byIndex[service].add(line));
    }
    this.settle(batch.length, dropped);
  }

  /** Adds lines from the log thread (sorted by timestamp there), numbering them with `nextSeq`. */
  addPacked(lines: PackedLines, followerOf: FollowerOf, nextSeq: () => number): void {
    const dropped = this.dropped();
    let added = 0;
    for (let i = 0; i < lines.count; i++) {
      const from = followerOf(lines.follower[i]);
      if (!from) continue;
      const service = this.serviceIndex(from.service);
      const seq = nextSeq();
      const n = this.byIndex[service].addBytes(lines.ts[i], seq, lines.flags[i], from.container, lines.truncated[i], lines.text, lines.start[i], lines.length[i]);
      this.order.push(lines.ts[i], seq, service, n);
      added++;
    }
    if (added) this.settle(added, dropped);
  }

  /** Puts the last `added` lines in order and forgets lines pushed out since `dropped` was counted. */
  private settle(added: number, dropped: number): void {
    this.order.settle(added);
    if (this.dropped() !== dropped) {
      for (let s = 0; s < this.byIndex.length; s++) this.firsts[s] = this.byIndex[s].first;
      this.order.compact(this.firsts, this.dropped() - dropped);
    }
    this.received += added;
    this.version++;
  }

  /** Kept lines, all services. */
  get size(): number {
    return this.order.length;
  }

  /** The i-th kept line in merged order (0 = oldest). */
  lineAt(i: number): LogLine {
    const lines = this.byIndex[this.order.service[i]];
    const seq = this.order.seq[i];
    let line = this.built.get(seq);
    if (!line || line.ts !== this.order.ts[i] || line.service !== lines.service) {
      if (this.built.size >= 2048) this.built = new Map();
      this.built.set(seq, (line = lines.line(this.order.n[i])));
    }
    return line;
  }

  tsAt(i: number): number {
    return this.order.ts[i];
  }

  serviceAt(i: number): string {
    return this.byIndex[this.order.service[i]].service;
  }

  levelAt(i: number): LogLevel | undefined {
    return this.byIndex[this.order.service[i]].level(this.order.n[i]);
  }

  /** The i-th line's text without colour, without building the line. */
  plainAt(i: number): string {
    return this.byIndex[this.order.service[i]].plain(this.order.n[i]);
  }

  /** Whether line i matched the query with this key, if it was asked before. */
  cachedMatch(i: number, key: number): boolean | undefined {
    const lines = this.byIndex[this.order.service[i]];
    const slot = this.order.n[i] % lines.capacity;
    return lines.matchKey[slot] === key ? lines.matched[slot] === 1 : undefined;
  }

  cacheMatch(i: number, key: number, ok: boolean): void {
    const lines = this.byIndex[this.order.service[i]];
    const slot = this.order.n[i] % lines.capacity;
    lines.matchKey[slot] = key;
    lines.matched[slot] = ok ? 1 : 0;
  }

  /** Index of `line` among the kept lines, or of where it would be (it may have been pushed out). */
  indexOf(line: Pick<LogLine, 'ts' | 'seq'>): number {
    return this.order.firstAtOrAfter(line.ts, line.seq);
  }

  /** Whether the i-th kept line is `line` (same timestamp and arrival number). */
  isAt(i: number, line: Pick<LogLine, 'ts' | 'seq'>): boolean {
    return i >= 0 && i < this.order.length && this.order.seq[i] === line.seq && this.order.ts[i] === line.ts;
  }

  services(): string[] {
    return [...this.byName.keys()].sort();
  }

  dropped(service?: string): number {
    if (service !== undefined) return this.of(service)?.dropped ?? 0;
    let total = 0;
    for (const lines of this.byIndex) total += lines.dropped;
    return total;
  }

  /** Bytes of the text rings that text has reached, all services: their share of resident memory. */
  ringBytesTouched(): number {
    let total = 0;
    for (const lines of this.byIndex) total += lines.ringBytesTouched;
    return total;
  }

  keptCount(service: string): number {
    return this.of(service)?.size ?? 0;
  }

  /** Every kept line in merged order, built at once: for tests and one-off reads, not per frame. */
  toArray(): LogLine[] {
    const out: LogLine[] = new Array(this.order.length);
    for (let i = 0; i < this.order.length; i++) out[i] = this.byIndex[this.order.service[i]].line(this.order.n[i]);
    return out;
  }

  /** A service's kept lines, oldest first. */
  kept(service: string): LogLine[] {
    const lines = this.of(service);
    const out: LogLine[] = [];
    if (lines) for (let n = lines.first; n < lines.next; n++) out.push(lines.line(n));
    return out;
  }

  private of(service: string): ServiceLines | undefined {
    const index = this.byName.get(service);
    return index === undefined ? undefined : this.byIndex[index];
  }

  private serviceIndex(service: string): number {
    let index = this.byName.get(service);
    if (index !== undefined) return index;
    index = this.byIndex.length;
    if (index >= MAX_SERVICES) throw new RangeError(`more than ${MAX_SERVICES} services in the log store`);
    this.byIndex.push(new ServiceLines(service, this.capacityPerService, this.bytesPerService));
    this.byName.set(service, index);
    if (index >= this.firsts.length) {
      const grown = new Float64Array(this.firsts.length * 2);
      grown.set(this.firsts);
      this.firsts = grown;
    }
    return index;
  }
}
