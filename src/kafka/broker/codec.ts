// Big-endian readers and writers for the Kafka wire types used by the (non-flexible)
// API versions this broker speaks.

export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

export class Reader {
  private offset = 0;
  constructor(private readonly buffer: Buffer) {}

  get remaining(): number {
    return this.buffer.length - this.offset;
  }

  private take(length: number): number {
    if (length < 0 || this.offset + length > this.buffer.length) {
      throw new ProtocolError(`truncated request: wanted ${length} bytes at ${this.offset} of ${this.buffer.length}`);
    }
    const at = this.offset;
    this.offset += length;
    return at;
  }

  int8(): number { return this.buffer.readInt8(this.take(1)); }
  int16(): number { return this.buffer.readInt16BE(this.take(2)); }
  int32(): number { return this.buffer.readInt32BE(this.take(4)); }
  int64(): bigint { return this.buffer.readBigInt64BE(this.take(8)); }
  boolean(): boolean { return this.int8() !== 0; }

  /** An int64 that must fit a JS number (offsets and timestamps do). */
  int64Number(): number {
    const value = this.int64();
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new ProtocolError(`int64 out of range: ${value}`);
    }
    return Number(value);
  }

  nullableString(): string | null {
    const length = this.int16();
    if (length === -1) return null;
    if (length < -1) throw new ProtocolError(`bad string length ${length}`);
    const at = this.take(length);
    return this.buffer.toString('utf8', at, at + length);
  }

  string(): string {
    const value = this.nullableString();
    if (value === null) throw new ProtocolError('null where a string is required');
    return value;
  }

  nullableBytes(): Buffer | null {
    const length = this.int32();
    if (length === -1) return null;
    if (length < -1) throw new ProtocolError(`bad bytes length ${length}`);
    const at = this.take(length);
    return this.buffer.subarray(at, at + length);
  }

  bytes(): Buffer {
    return this.nullableBytes() ?? Buffer.alloc(0);
  }

  /** Reads `length` raw bytes. */
  raw(length: number): Buffer {
    const at = this.take(length);
    return this.buffer.subarray(at, at + length);
  }

  nullableArray<T>(readItem: (reader: Reader) => T): T[] | null {
    const count = this.int32();
    if (count === -1) return null;
    // Each element takes at least one byte, which bounds hostile counts.
    if (count < -1 || count > this.remaining) throw new ProtocolError(`bad array length ${count}`);
    const items: T[] = [];
    for (let i = 0; i < count; i++) items.push(readItem(this));
    return items;
  }

  array<T>(readItem: (reader: Reader) => T): T[] {
    return this.nullableArray(readItem) ?? [];
  }
}

export class Writer {
  private chunks: Buffer[] = [];
  private length = 0;

  private push(chunk: Buffer): this {
    this.chunks.push(chunk);
    this.length += chunk.length;
    return this;
  }

  private fixed(size: number, write: (buffer: Buffer) => void): this {
    const buffer = Buffer.allocUnsafe(size);
    write(buffer);
    return this.push(buffer);
  }

  get size(): number { return this.length; }

  int8(value: number): this { return this.fixed(1, (b) => b.writeInt8(value)); }
  int16(value: number): this { return this.fixed(2, (b) => b.writeInt16BE(value)); }
  int32(value: number): this { return this.fixed(4, (b) => b.writeInt32BE(value)); }
  int64(value: number | bigint): this { return this.fixed(8, (b) => b.writeBigInt64BE(BigInt(value))); }
  boolean(value: boolean): this { return this.int8(value ? 1 : 0); }

  nullableString(value: string | null): this {
    if (value === null) return this.int16(-1);
    const encoded = Buffer.from(value, 'utf8');
    return this.int16(encoded.length).push(encoded);
  }

  string(value: string): this { return this.nullableString(value); }

  nullableBytes(value: Buffer | null): this {
    if (value === null) return this.int32(-1);
    return this.int32(value.length).push(value);
  }

  bytes(value: Buffer): this { return this.nullableBytes(value); }

  raw(value: Buffer): this { return this.push(value); }

  array<T>(items: readonly T[], writeItem: (writer: Writer, item: T, index: number) => void): this {
    this.int32(items.length);
    items.forEach((item, index) => writeItem(this, item, index));
    return this;
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.chunks, this.length);
  }
}
