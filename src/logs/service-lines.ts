// One service's kept lines: a ring of `capacity` slots whose fields live in typed arrays and
// whose text lives in a TextRing, so a flood allocates nothing long-lived. Lines are numbered
// in arrival order; line n sits in slot n % capacity and is kept while first <= n < next.
import type { LogLevel, LogLine, LogStream } from './line';
import { stripSgr } from '../text/sanitize';
import { TextRing } from './text-ring';

// Per-line flags. ASCII text decodes as latin1, which is cheaper than UTF-8 on a filter scan.
const STDERR = 1, WARN = 2, ERROR = 4, ASCII = 8, COLOURED = 16;

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

  /** Keeps `line`, pushing out the oldest lines it needs room from; returns its number. */
  add(line: LogLine): number {
    if (this.size === this.capacity) this.evictOldest();
    const textBytes = Buffer.byteLength(line.text, 'utf8');
    const room = Math.min(textBytes, this.maxStoredBytes);
    let at: number;
    while ((at = this.text.placeFor(Math.max(1, room), this.size ? this.start[this.first % this.capacity] : undefined)) < 0) this.evictOldest();
    const n = this.next++;
    const slot = n % this.capacity;
    const written = this.text.write(line.text, textBytes, at, room);
    this.start[slot] = at;
    this.length[slot] = written;
    this.truncated[slot] = line.truncatedBytes + textBytes - written;
    this.ts[slot] = line.ts;
    this.seq[slot] = line.seq;
    this.flags[slot] = (line.stream === 'stderr' ? STDERR : 0) | (line.level === 'error' ? ERROR : line.level === 'warn' ? WARN : 0)
      | (textBytes === line.text.length ? ASCII : 0) | (line.plain.length !== line.text.length ? COLOURED : 0);
    this.containerIndex[slot] = this.containerOf(line.container);
    this.matchKey[slot] = 0;
    return n;
  }

  level(n: number): LogLevel | undefined {
    const flags = this.flags[n % this.capacity];
    return flags & ERROR ? 'error' : flags & WARN ? 'warn' : undefined;
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
