// Merged logs of many services. Each service keeps a ring of its newest lines (memory is
// bounded); `merged` orders every kept line by Docker timestamp. Lines pushed out of a ring are
// counted per service, marked evicted, and compacted away from `merged` in bulk.
import { Ring } from '../store/ring';
import { compareLines, type LogLine } from './line';

export class LogStore {
  readonly merged: LogLine[] = [];
  private readonly rings = new Map<string, Ring<LogLine>>();
  private readonly droppedBy = new Map<string, number>();
  private evictedInMerged = 0;
  /** Lines ever added; the pause counter reads it. */
  received = 0;
  version = 0;

  constructor(readonly capacityPerService: number) {}

  add(batch: LogLine[]): void {
    if (batch.length === 0) return;
    batch.sort(compareLines);
    for (const line of batch) this.keep(line);
    this.insertSorted(batch);
    this.received += batch.length;
    if (this.evictedInMerged > this.merged.length / 2) this.compact();
    this.version++;
  }

  services(): string[] {
    return [...this.rings.keys()].sort();
  }

  dropped(service?: string): number {
    if (service !== undefined) return this.droppedBy.get(service) ?? 0;
    let total = 0;
    for (const n of this.droppedBy.values()) total += n;
    return total;
  }

  kept(service: string): LogLine[] {
    return this.rings.get(service)?.toArray() ?? [];
  }

  private keep(line: LogLine): void {
    let ring = this.rings.get(line.service);
    if (!ring) this.rings.set(line.service, (ring = new Ring(this.capacityPerService)));
    const evicted = ring.push(line);
    if (!evicted) return;
    evicted.evicted = true;
    this.evictedInMerged++;
    this.droppedBy.set(line.service, (this.droppedBy.get(line.service) ?? 0) + 1);
  }

  private insertSorted(batch: LogLine[]): void {
    const last = this.merged[this.merged.length - 1];
    if (!last || compareLines(last, batch[0]) <= 0) {
      for (const line of batch) this.merged.push(line);
      return;
    }
    // Late lines (a container's tail arriving after others): one linear merge of two sorted runs,
    // from where the batch's oldest line belongs (usually near the end), not from the start.
    const from = firstAfter(this.merged, batch[0]);
    const merged = mergeRuns(this.merged.slice(from), batch);
    this.merged.length = from;
    for (const line of merged) this.merged.push(line);
  }

  private compact(): void {
    let write = 0;
    for (const line of this.merged) if (!line.evicted) this.merged[write++] = line;
    this.merged.length = write;
    this.evictedInMerged = 0;
  }
}

/** Index of the first line in `sorted` that orders after `line`. */
function firstAfter(sorted: LogLine[], line: LogLine): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareLines(sorted[mid], line) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function mergeRuns(a: LogLine[], b: LogLine[]): LogLine[] {
  const out: LogLine[] = new Array(a.length + b.length);
  let i = 0, j = 0, k = 0;
  while (i < a.length && j < b.length) out[k++] = compareLines(a[i], b[j]) <= 0 ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}
