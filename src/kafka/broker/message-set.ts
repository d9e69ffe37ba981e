// Old-style message sets (magic 0 and 1), the record format of Produce v0-2 and Fetch v0-3.
// MessageSet => [offset:int64 size:int32 crc:int32 magic:int8 attributes:int8 (timestamp:int64 if magic 1) key:bytes value:bytes]
import { crc32, gunzipSync } from 'node:zlib';
import { Reader, Writer, ProtocolError } from './codec';
import type { StoredMessage } from './log-storage';

export class UnsupportedCompressionError extends Error {}

export interface DecodedMessage {
  timestamp: number | undefined;
  key: Buffer | null;
  value: Buffer | null;
}

const CODEC_MASK = 0x07;
const CODEC_GZIP = 1;

/** Decodes a produced message set, unpacking gzip wrappers. Throws ProtocolError on a bad CRC or truncation. */
export function decodeMessageSet(buffer: Buffer, depth = 0): DecodedMessage[] {
  const reader = new Reader(buffer);
  const messages: DecodedMessage[] = [];
  while (reader.remaining > 0) {
    reader.int64(); // offset: assigned by the broker
    const size = reader.int32();
    if (size < 14) throw new ProtocolError(`message too small: ${size}`);
    const body = reader.raw(size);
    const storedCrc = body.readUInt32BE(0);
    if ((crc32(body.subarray(4)) >>> 0) !== storedCrc) throw new ProtocolError('message CRC mismatch');
    const message = new Reader(body.subarray(4));
    const magic = message.int8();
    if (magic !== 0 && magic !== 1) throw new ProtocolError(`unsupported magic byte ${magic}`);
    const attributes = message.int8();
    const timestamp = magic === 1 ? message.int64Number() : undefined;
    const key = message.nullableBytes();
    const value = message.nullableBytes();
    const codec = attributes & CODEC_MASK;
    if (codec === 0) {
      messages.push({ timestamp: timestamp !== undefined && timestamp >= 0 ? timestamp : undefined, key, value });
    } else if (codec === CODEC_GZIP && depth === 0 && value) {
      messages.push(...decodeMessageSet(gunzipSync(value), depth + 1));
    } else {
      throw new UnsupportedCompressionError(`compression codec ${codec} is not supported`);
    }
  }
  return messages;
}

/** Encodes stored messages for a fetch response: magic 1 (with timestamps) or magic 0 for Fetch v0/v1. */
export function encodeMessage(message: StoredMessage, magic: 0 | 1): Buffer {
  const content = new Writer().int8(magic).int8(0);
  if (magic === 1) content.int64(message.timestamp);
  content.nullableBytes(message.key).nullableBytes(message.value);
  const contentBuffer = content.toBuffer();
  return new Writer()
    .int64(message.offset)
    .int32(contentBuffer.length + 4)
    .int32(crc32(contentBuffer) | 0)
    .raw(contentBuffer)
    .toBuffer();
}

/**
 * Encodes messages until `maxBytes` is reached; always includes the first message so a
 * consumer can make progress even when one message exceeds its limit.
 */
export function encodeMessageSet(messages: readonly StoredMessage[], magic: 0 | 1, maxBytes: number): Buffer {
  const parts: Buffer[] = [];
  let total = 0;
  for (const message of messages) {
    const encoded = encodeMessage(message, magic);
    if (parts.length > 0 && total + encoded.length > maxBytes) break;
    parts.push(encoded);
    total += encoded.length;
  }
  return Buffer.concat(parts, total);
}

