// The text of one service's kept lines, in one preallocated byte ring. Lines sit in arrival
// order; a line that does not fit before the end starts again at 0 and the gap left at the end
// stays unused until the oldest lines move past it. The caller evicts its oldest line while
// `placeFor` says there is no room, so text always leaves in the order it came.
const ESC = 0x1b;
const EARLY_WRAP_BYTES = 64 * 1024;

export class TextRing {
  private readonly bytes: Buffer;
  private tail = 0;
  /** Bytes from the start that text has ever reached: what the ring costs in resident memory. */
  touched = 0;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`text ring size must be a positive integer, got ${size}`);
    // Zero pages from the OS: they count towards RSS only once text reaches them.
    this.bytes = Buffer.alloc(size);
  }

  /**
   * Where `length` bytes go (≥ 1: every line takes a byte, so a full ring is unambiguous), given
   * that the oldest kept text starts at `head` (undefined when nothing is kept); -1 while the
   * oldest line is in the way.
   */
  placeFor(length: number, head: number | undefined): number {
    if (head === undefined) return 0;
    if (head < this.tail) {
      // Back to the start early once the room before the oldest line is as large as all the kept
      // text: lines capped by count then cycle over about twice the bytes they hold, and only
      // those pages become resident (a 1 MB ring of 5,000 short lines touched all of it).
      if (length <= head && this.tail >= EARLY_WRAP_BYTES && this.tail - head <= head) return 0;
      if (this.tail + length <= this.size) return this.tail;
      return length <= head ? 0 : -1;
    }
    if (head > this.tail) return this.tail + length <= head ? this.tail : -1;
    return -1;
  }

  /**
   * Writes `text` (`textBytes` long in UTF-8) at `at`, a place from `placeFor`, cut to `room`
   * bytes on a character boundary; returns the bytes written.
   */
  write(text: string, textBytes: number, at: number, room: number): number {
    let written = room === 0 ? 0 : this.bytes.write(text, at, room, 'utf8');
    if (written < textBytes) written = withoutOpenEscape(this.bytes, at, written);
    this.advance(at, written);
    return written;
  }

  /** As `write`, for text already in UTF-8: `length` bytes of `source` from `from`. */
  writeBytes(source: Uint8Array, from: number, length: number, at: number, room: number): number {
    let written = Math.min(length, room);
    // A cut must not split a character: step back over its continuation bytes (10xxxxxx).
    if (written < length) while (written > 0 && (source[from + written] & 0xc0) === 0x80) written--;
    this.bytes.set(source.subarray(from, from + written), at);
    if (written < length) written = withoutOpenEscape(this.bytes, at, written);
    this.advance(at, written);
    return written;
  }

  private advance(at: number, written: number): void {
    this.tail = at + Math.max(1, written);
    if (this.tail > this.touched) this.touched = this.tail;
  }

  read(at: number, length: number, ascii: boolean): string {
    if (length === 0) return '';
    return this.bytes.toString(ascii ? 'latin1' : 'utf8', at, at + length);
  }
}

/** A cut text must not end inside a colour sequence (`ESC [ 3 1`), which would eat what follows it. */
function withoutOpenEscape(bytes: Buffer, at: number, length: number): number {
  for (let i = at + length - 1; i >= Math.max(at, at + length - 32); i--) {
    const byte = bytes[i];
    if (byte === ESC) return i - at;
    if (byte >= 0x40 && byte <= 0x7e && byte !== 0x5b) return length;
  }
  return length;
}
