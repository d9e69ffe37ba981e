// Splits a byte stream into lines. Invalid UTF-8 becomes U+FFFD (Buffer#toString does that);
// a line longer than `maxLineBytes` is cut, and the cut is said, so a 1 MB line cannot
// freeze the layout or fill memory.

export interface SplitLine {
  text: string;
  truncatedBytes: number;
}

export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private overflow = 0;

  constructor(private readonly maxLineBytes = 16 * 1024) {}

  push(chunk: Buffer): SplitLine[] {
    const out: SplitLine[] = [];
    let start = 0;
    for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
      this.keep(chunk.subarray(start, nl));
      out.push(this.take());
      start = nl + 1;
    }
    if (start < chunk.length) this.keep(chunk.subarray(start));
    return out;
  }

  /** The unterminated rest, when the stream ends. */
  flush(): SplitLine[] {
    return this.pendingBytes > 0 || this.overflow > 0 ? [this.take()] : [];
  }

  private keep(part: Buffer): void {
    const room = this.maxLineBytes - this.pendingBytes;
    if (part.length <= room) {
      this.pending.push(part);
      this.pendingBytes += part.length;
      return;
    }
    if (room > 0) {
      this.pending.push(part.subarray(0, room));
      this.pendingBytes += room;
    }
    this.overflow += part.length - Math.max(room, 0);
  }

  private take(): SplitLine {
    let buf = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending);
    if (buf.length > 0 && buf[buf.length - 1] === 0x0d) buf = buf.subarray(0, buf.length - 1);
    const line = { text: buf.toString('utf8'), truncatedBytes: this.overflow };
    this.pending = [];
    this.pendingBytes = 0;
    this.overflow = 0;
    return line;
  }
}
