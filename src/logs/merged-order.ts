// The order of every kept line across services, by (ts, seq): parallel typed arrays of the
// line's service index and number, with ts and seq copied so that ordering never has to look
// into a service ring (whose slots are reused once a line is pushed out).
export class MergedOrder {
  length = 0;
  ts = new Float64Array(1024);
  seq = new Float64Array(1024);
  service = new Uint16Array(1024);
  n = new Float64Array(1024);
  private scratch: MergedOrder | undefined;

  /** Appends one entry of a batch; `settle` puts the batch in order. */
  push(ts: number, seq: number, service: number, n: number): void {
    if (this.length === this.ts.length) this.reserve(this.length + 1);
    this.set(this.length++, ts, seq, service, n);
  }

  /**
   * Orders the last `count` entries (sorted among themselves) into the rest. They usually
   * belong at the end; late ones (a container's tail arriving after others) are merged in one
   * linear pass from where the oldest of them belongs, usually near the end, not from the start.
   */
  settle(count: number): void {
    const start = this.length - count;
    if (start === 0 || this.before(start - 1, start)) return;
    const from = this.firstAfter(this.ts[start], this.seq[start], start);
    const older = this.scratchCopy(from, start);
    // Writing at k never passes the batch entry read at j: k = from + i + (j - start) <= j.
    let i = 0, j = start, k = from;
    while (i < older.length && j < this.length) {
      if (older.before(i, j, this)) this.copyFrom(older, i++, k++);
      else this.copyWithin(j++, k++);
    }
    while (i < older.length) this.copyFrom(older, i++, k++);
  }

  /**
   * Drops the `dead` entries whose line has been pushed out (number below `first` of their
   * service). They are mostly among the oldest, so the rest after the last of them moves in one block.
   */
  compact(first: ArrayLike<number>, dead: number): void {
    let write = 0, read = 0;
    for (; read < this.length && read - write < dead; read++) {
      if (this.n[read] < first[this.service[read]]) continue;
      if (write !== read) this.copyWithin(read, write);
      write++;
    }
    if (read === write) return;
    for (const column of [this.ts, this.seq, this.service, this.n]) column.copyWithin(write, read, this.length);
    this.length -= read - write;
  }

  /** Index of the first entry ordering at or after (ts, seq). */
  firstAtOrAfter(ts: number, seq: number): number {
    let lo = 0, hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ts[mid] < ts || (this.ts[mid] === ts && this.seq[mid] < seq)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the first entry before `hi` ordering after (ts, seq). */
  firstAfter(ts: number, seq: number, hi = this.length): number {
    let lo = 0;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ts[mid] < ts || (this.ts[mid] === ts && this.seq[mid] <= seq)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whether entry a orders before entry b of `other` (ties between equal (ts, seq) keep a first). */
  private before(a: number, b: number, other: MergedOrder = this): boolean {
    return this.ts[a] < other.ts[b] || (this.ts[a] === other.ts[b] && this.seq[a] <= other.seq[b]);
  }

  private set(at: number, ts: number, seq: number, service: number, n: number): void {
    this.ts[at] = ts;
    this.seq[at] = seq;
    this.service[at] = service;
    this.n[at] = n;
  }

  private copyFrom(other: MergedOrder, from: number, to: number): void {
    this.set(to, other.ts[from], other.seq[from], other.service[from], other.n[from]);
  }

  private copyWithin(from: number, to: number): void {
    this.set(to, this.ts[from], this.seq[from], this.service[from], this.n[from]);
  }

  private scratchCopy(from: number, to: number): MergedOrder {
    const copy = (this.scratch ??= new MergedOrder());
    copy.length = 0;
    copy.reserve(to - from);
    copy.ts.set(this.ts.subarray(from, to));
    copy.seq.set(this.seq.subarray(from, to));
    copy.service.set(this.service.subarray(from, to));
    copy.n.set(this.n.subarray(from, to));
    copy.length = to - from;
    return copy;
  }

  private reserve(length: number): void {
    if (length <= this.ts.length) return;
    let size = this.ts.length;
    while (size < length) size *= 2;
    const grow = <T extends Float64Array | Uint16Array>(old: T, make: (n: number) => T): T => { const next = make(size); next.set(old.subarray(0, this.length)); return next; };
    this.ts = grow(this.ts, (n) => new Float64Array(n));
    this.seq = grow(this.seq, (n) => new Float64Array(n));
    this.service = grow(this.service, (n) => new Uint16Array(n));
    this.n = grow(this.n, (n) => new Float64Array(n));
  }
}
