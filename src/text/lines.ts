// Splits a byte stream into lines. Invalid UTF-8 becomes U+FFFD (Buffer#toString does that);
// a line longer than `maxLineBytes` is cut, and the cut is said, so a 1 MB line cannot
// freeze the layout or fill memory. The unfinished end of a chunk is copied, never kept as a
// slice: a slice would keep the whole chunk alive until a full GC (under a flood, tens of MB).

export interface SplitLine {
  text: string;
  truncatedBytes: number;
}

export class LineSplitter {
  private partial: Buffer = Buffer.alloc(0);
  private partialBytes = 0;
  private overflow = 0;

  constructor(private readonly maxLineBytes = 16 * 1024) {}

  push(chunk: Buffer): SplitLine[] {
    const out: SplitLine[] = [];
    let start = 0;
    for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
      out.push(this.partialBytes === 0 && this.overflow === 0 ? this.whole(chunk, start, nl) : (this.keep(chunk, start, nl), this.take()));
      start = nl + 1;
    }
    if (start < chunk.length) this.keep(chunk, start, chunk.length);
    return out;
  }

  /** The unterminated rest, when the stream ends. */
  flush(): SplitLine[] {
    return this.partialBytes > 0 || this.overflow > 0 ? [this.take()] : [];
  }

  /** A line that lies whole in the chunk, read in place. */
  private whole(chunk: Buffer, start: number, end: number): SplitLine {
    const length = end - start;
    const kept = Math.min(length, this.maxLineBytes);
    const cr = kept === length && kept > 0 && chunk[start + kept - 1] === 0x0d ? 1 : 0;
    return { text: chunk.toString('utf8', start, start + kept - cr), truncatedBytes: length - kept };
  }

  private keep(chunk: Buffer, start: number, end: number): void {
    const fits = Math.min(end - start, this.maxLineBytes - this.partialBytes);
    if (fits > 0) {
      if (this.partialBytes + fits > this.partial.length) this.grow(this.partialBytes + fits);
      chunk.copy(this.partial, this.partialBytes, start, start + fits);
      this.partialBytes += fits;
    }
    this.overflow += end - start - Math.max(fits, 0);
  }

  private take(): SplitLine {
    let end = this.partialBytes;
    if (this.overflow === 0 && end > 0 && this.partial[end - 1] === 0x0d) end--;
    const line = { text: this.partial.toString('utf8', 0, end), truncatedBytes: this.overflow };
    this.partialBytes = 0;
    this.overflow = 0;
    return line;
  }

  private grow(needed: number): void {
    const grown = Buffer.allocUnsafeSlow(Math.min(this.maxLineBytes, Math.max(needed, 2 * this.partial.length, 256)));
    this.partial.copy(grown, 0, 0, this.partialBytes);
    this.partial = grown;
  }
}
