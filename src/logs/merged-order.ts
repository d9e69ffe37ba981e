// The order of every kept line across services, by (ts, seq): parallel typed arrays of the
// line's service index and number, with ts and seq copied so that ordering never has to look
// into a service ring (whose slots are reused once a line is pushed out). The columns are views
// that start at `head` in larger buffers, so lines pushed out at the front are dropped by moving
// the head, not the 100,000 entries behind them.
const COLUMNS = ['ts', 'seq', 'service', 'n'] as const;

export class MergedOrder {
  length = 0;
  ts = new Float64Array(1024);
  seq = new Float64Array(1024);
  service = new Uint16Array(1024);
  n = new Float64Array(1024);
  private buffers = { ts: this.ts, seq: this.seq, service: this.service, n: this.n };
  private head = 0;
  private scratch: MergedOrder | undefined;

  /** Appends one entry of a batch; `settle` puts the batch in order. */
  push(ts: number, seq: number, service: number, n: number): void {
    if (this.length === this.ts.length) this.reserve(this.length + 1);
    this.set(this.length++, ts, seq, service, n);
  }

  /**
   * Orders the last `count` entries (sorted among themselves) into the rest. They usually
   * belong at the end; late ones (a container's tail arriving after others) are merged from the
   * back, so only the entries after the oldest of them move, each once.
   */
  settle(count: number): void {
    const start = this.length - count;
    if (start === 0 || this.before(start - 1, start)) return;
    const from = this.firstAfter(this.ts[start], this.seq[start], start);
    const batch = this.scratchCopy(start, this.length);
    let i = start - 1, j = count - 1, k = this.length - 1;
    while (j >= 0) {
      if (i >= from && !this.before(i, j, batch)) this.copyWithin(i--, k--);
      else this.copyFrom(batch, j--, k--);
    }
  }

  /**
   * Drops the `dead` entries whose line has been pushed out (number below `first` of their
   * service). They are mostly among the oldest: the live entries before the last of them close
   * up towards it and the head moves past the gap.
   */
  compact(first: ArrayLike<number>, dead: number): void {
    let end = 0;
    for (let found = 0; end < this.length && found < dead; end++) if (this.n[end] < first[this.service[end]]) found++;
    let write = end - 1;
    for (let read = end - 1; read >= 0; read--) {
      if (this.n[read] < first[this.service[read]]) continue;
      if (write !== read) this.copyWithin(read, write);
      write--;
    }
    const removed = write + 1;
    if (removed === 0) return;
    this.head += removed;
    this.length -= removed;
    this.view();
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
    for (const column of COLUMNS) copy[column].set(this[column].subarray(from, to));
    copy.length = to - from;
    return copy;
  }

  /** Room for `length` entries after the head: the entries move back to the start of the buffers, into larger ones if they fill over half. */
  private reserve(length: number): void {
    if (length <= this.ts.length) return;
    let size = this.buffers.ts.length;
    while (size < 2 * length) size *= 2;
    const move = <T extends Float64Array | Uint16Array>(old: T, make: (n: number) => T): T => {
      if (size === old.length) { old.copyWithin(0, this.head, this.head + this.length); return old; }
      const next = make(size);
      next.set(old.subarray(this.head, this.head + this.length));
      return next;
    };
    this.buffers = {
      ts: move(this.buffers.ts, (n) => new Float64Array(n)),
      seq: move(this.buffers.seq, (n) => new Float64Array(n)),
      service: move(this.buffers.service, (n) => new Uint16Array(n)),
      n: move(this.buffers.n, (n) => new Float64Array(n)),
    };
    this.head = 0;
    this.view();
  }

  private view(): void {
    this.ts = this.buffers.ts.subarray(this.head);
    this.seq = this.buffers.seq.subarray(this.head);
    this.service = this.buffers.service.subarray(this.head);
    this.n = this.buffers.n.subarray(this.head);
  }
}
