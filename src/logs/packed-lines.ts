// Log lines as a few typed arrays and one block of UTF-8 text: how the log thread hands a batch
// to the main thread. The buffers are transferred, not copied, and the main thread copies each
// line's bytes straight into its service's ring, so a flood builds no string or object per line there.
import { detectLevel, plainOf, type LogStream } from './line';
import { lineFlags } from './line-flags';

export interface PackedLines {
  count: number;
  /** Which follower each line came from (the receiver knows its service and container). */
  follower: Uint32Array;
  ts: Float64Array;
  truncated: Float64Array;
  flags: Uint8Array;
  start: Uint32Array;
  length: Uint32Array;
  text: Uint8Array;
}

/**
 * Frees a received batch's buffers now (detaching them), once its bytes are copied out, rather
 * than after the next collection: under a flood a batch (~200 KB) lands every 50 ms.
 */
export function releasePacked(lines: PackedLines): void {
  for (const array of [lines.follower, lines.ts, lines.truncated, lines.flags, lines.start, lines.length, lines.text]) {
    const buffer = array.buffer as ArrayBuffer;
    if (typeof buffer.transfer === 'function' && !buffer.detached) buffer.transfer(0); // Node 21+
  }
}

/** Collects lines, then hands them over sorted by timestamp (arrival order among equals). */
export class LinePacker {
  private count = 0;
  private bytes = 0;
  private text = Buffer.allocUnsafeSlow(64 * 1024);
  private follower = new Uint32Array(1024);
  private ts = new Float64Array(1024);
  private truncated = new Float64Array(1024);
  private flags = new Uint8Array(1024);
  private start = new Uint32Array(1024);
  private length = new Uint32Array(1024);

  get size(): number { return this.count; }
  get textBytes(): number { return this.bytes; }

  add(follower: number, stream: LogStream, ts: number, text: string, truncatedBytes: number): void {
    if (this.count === this.ts.length) this.growLines();
    const most = text.length * 3; // UTF-8 bytes per UTF-16 unit, at most
    if (this.bytes + most > this.text.length) this.growText(this.bytes + most);
    const written = this.text.write(text, this.bytes, 'utf8');
    const plain = plainOf(text);
    const i = this.count++;
    this.follower[i] = follower;
    this.ts[i] = ts;
    this.truncated[i] = truncatedBytes;
    this.flags[i] = lineFlags(stream, detectLevel(plain), written === text.length, plain.length !== text.length);
    this.start[i] = this.bytes;
    this.length[i] = written;
    this.bytes += written;
  }

  /** The lines so far, and the buffers to transfer with them; the packer starts empty again. */
  take(): { lines: PackedLines; transfer: ArrayBuffer[] } {
    const n = this.count;
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    const ts = this.ts;
    order.sort((a, b) => ts[a] - ts[b] || a - b);
    const lines: PackedLines = {
      count: n, follower: new Uint32Array(n), ts: new Float64Array(n), truncated: new Float64Array(n),
      flags: new Uint8Array(n), start: new Uint32Array(n), length: new Uint32Array(n), text: new Uint8Array(this.bytes),
    };
    for (let k = 0; k < n; k++) {
      const i = order[k];
      lines.follower[k] = this.follower[i];
      lines.ts[k] = ts[i];
      lines.truncated[k] = this.truncated[i];
      lines.flags[k] = this.flags[i];
      lines.start[k] = this.start[i];
      lines.length[k] = this.length[i];
    }
    lines.text.set(this.text.subarray(0, this.bytes));
    this.count = 0;
    this.bytes = 0;
    const { follower, ts: t, truncated, flags, start, length, text } = lines;
    return { lines, transfer: [follower, t, truncated, flags, start, length, text].map((a) => a.buffer as ArrayBuffer) };
  }

  private growLines(): void {
    const size = this.ts.length * 2;
    const grow = <T extends Uint32Array | Float64Array | Uint8Array>(a: T, make: new (n: number) => T): T => { const b = new make(size); b.set(a); return b; };
    this.follower = grow(this.follower, Uint32Array);
    this.ts = grow(this.ts, Float64Array);
    this.truncated = grow(this.truncated, Float64Array);
    this.flags = grow(this.flags, Uint8Array);
    this.start = grow(this.start, Uint32Array);
    this.length = grow(this.length, Uint32Array);
  }

  private growText(needed: number): void {
    const grown = Buffer.allocUnsafeSlow(Math.max(needed, this.text.length * 2));
    this.text.copy(grown, 0, 0, this.bytes);
    this.text = grown;
  }
}
