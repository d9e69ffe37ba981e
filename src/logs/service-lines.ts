// One service's kept lines: a ring of `capacity` slots whose fields live in typed arrays and
// whose text lives in a TextRing, so a flood allocates nothing long-lived. Lines are numbered
// in arrival order; line n sits in slot n % capacity and is kept while first <= n < next.
import type { LogLevel, LogLine, LogStream } from './line';
import { stripSgr } from '../text/sanitize';
import { TextRing } from './text-ring';
import { ASCII, COLOURED, STDERR, levelOf, lineFlags } from './line-flags';

export class ServiceLines {
  /** Number of the oldest kept line. */
  first = 0;
  /** Number the next line gets. */
  next = 0;
  /** Lines pushed out, by the line count or by the byte budget. */
  dropped = 0;
  readonly ts: Float64Array;
  readonly seq: Float64Array;
  private readonly truncated: Float64Array;
  private readonly start: Uint32Array;
  private readonly length: Uint32Array;
  private readonly flags: Uint8Array;
  private readonly containerIndex: Uint16Array;
  readonly matchKey: Uint32Array;
  readonly matched: Uint8Array;
  private readonly containers: string[] = [];
  private readonly text: TextRing;
  private readonly maxStoredBytes: number;

  constructor(readonly service: string, readonly capacity: number, bytes: number) {
    this.ts = new Float64Array(capacity);
    this.seq = new Float64Array(capacity);
    this.truncated = new Float64Array(capacity);
    this.start = new Uint32Array(capacity);
    this.length = new Uint32Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.containerIndex = new Uint16Array(capacity);
    this.matchKey = new Uint32Array(capacity);
    this.matched = new Uint8Array(capacity);
    this.text = new TextRing(bytes);
    // One line may take a quarter of the budget, so a huge line cannot empty its service.
    this.maxStoredBytes = Math.max(1, Math.floor(bytes / 4));
  }

  get size(): number {
    return this.next - this.first;
  }

  /** Bytes of the text ring that text has reached (they are resident). */
  get ringBytesTouched(): number {
    return this.text.touched;
  }

  /** Keeps `line`, pushing out the oldest lines it needs room from; returns its number. */
  add(line: LogLine): number {
    const textBytes = Buffer.byteLength(line.text, 'utf8');
    const flags = lineFlags(line.stream, line.level, textBytes === line.text.length, line.plain.length !== line.text.length);
    const { at, room } = this.makeRoom(textBytes);
    const written = this.text.write(line.text, textBytes, at, room);
    return this.keep(line.ts, line.seq, flags, line.container, line.truncatedBytes + textBytes - written, at, written);
  }

  /** Keeps a line given as UTF-8 bytes (from the log thread), as `add` does. */
  addBytes(ts: number, seq: number, flags: number, container: string, truncatedBytes: number, bytes: Uint8Array, start: number, length: number): number {
    const { at, room } = this.makeRoom(length);
    const written = this.text.writeBytes(bytes, start, length, at, room);
    return this.keep(ts, seq, flags, container, truncatedBytes + length - written, at, written);
  }

  /** Where `textBytes` of text go, after pushing out the oldest lines in the way, and how many of them fit. */
  private makeRoom(textBytes: number): { at: number; room: number } {
    if (this.size === this.capacity) this.evictOldest();
    const room = Math.min(textBytes, this.maxStoredBytes);
    let at: number;
    while ((at = this.text.placeFor(Math.max(1, room), this.size ? this.start[this.first % this.capacity] : undefined)) < 0) this.evictOldest();
    return { at, room };
  }

  private keep(ts: number, seq: number, flags: number, container: string, truncated: number, at: number, written: number): number {
    const n = this.next++;
    const slot = n % this.capacity;
    this.start[slot] = at;
    this.length[slot] = written;
    this.truncated[slot] = truncated;
    this.ts[slot] = ts;
    this.seq[slot] = seq;
    this.flags[slot] = flags;
    this.containerIndex[slot] = this.containerOf(container);
    this.matchKey[slot] = 0;
    return n;
  }

  level(n: number): LogLevel | undefined {
    return levelOf(this.flags[n % this.capacity]);
  }

  textOf(n: number): string {
    const slot = n % this.capacity;
    return this.text.read(this.start[slot], this.length[slot], (this.flags[slot] & ASCII) !== 0);
  }

  plain(n: number): string {
    const text = this.textOf(n);
    return this.flags[n % this.capacity] & COLOURED ? stripSgr(text) : text;
  }

  /** Line n as an object; `plain` and `level` as makeLine gave them unless the store cut the text. */
  line(n: number): LogLine {
    const slot = n % this.capacity;
    const text = this.textOf(n);
    const stream: LogStream = this.flags[slot] & STDERR ? 'stderr' : 'stdout';
    return {
      seq: this.seq[slot], ts: this.ts[slot], service: this.service, container: this.containers[this.containerIndex[slot]],
      stream, text, plain: this.flags[slot] & COLOURED ? stripSgr(text) : text, level: this.level(n), truncatedBytes: this.truncated[slot],
    };
  }

  private evictOldest(): void {
    this.first++;
    this.dropped++;
  }

  private containerOf(name: string): number {
    let index = this.containers.indexOf(name);
    if (index === -1) index = this.containers.push(name) - 1;
    return index;
  }
}
