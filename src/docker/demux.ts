// Docker multiplexes stdout and stderr of a container without a TTY into frames:
// an 8-byte header (stream type, 3 zero bytes, big-endian length) then the payload.
export type FrameStream = 'stdout' | 'stderr';

export class FrameDemuxer {
  /** An unfinished frame, copied out of the chunk it came in (a slice would keep the chunk alive). */
  private rest: Buffer = Buffer.alloc(0);

  constructor(private readonly onPayload: (stream: FrameStream, payload: Buffer) => void) {}

  push(chunk: Buffer): void {
    const buffer = this.rest.length ? Buffer.concat([this.rest, chunk]) : chunk;
    let offset = 0;
    while (buffer.length - offset >= 8) {
      const size = buffer.readUInt32BE(offset + 4);
      if (buffer.length - offset - 8 < size) break;
      const type = buffer[offset];
      this.onPayload(type === 2 ? 'stderr' : 'stdout', buffer.subarray(offset + 8, offset + 8 + size));
      offset += 8 + size;
    }
    this.rest = offset === buffer.length ? Buffer.alloc(0) : Buffer.from(buffer.subarray(offset));
  }
}

const TIMESTAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z /;

/** Splits Docker's `timestamps=true` prefix off a line: microseconds since the epoch and the rest. */
export function splitTimestamp(line: string): { ts: number; text: string } | undefined {
  const match = TIMESTAMP.exec(line);
  if (!match) return undefined;
  const micros = Number((match[2] ?? '').padEnd(6, '0').slice(0, 6));
  return { ts: secondsToMillis(match[1]) * 1000 + micros, text: line.slice(match[0].length) };
}

// A flood carries thousands of lines per second of the same second: parse each second once.
let lastSecond = '';
let lastMillis = 0;
function secondsToMillis(second: string): number {
  if (second !== lastSecond) {
    lastSecond = second;
    lastMillis = Date.parse(`${second}Z`);
  }
  return lastMillis;
}

/** Docker's `since` parameter for "after this moment", from microseconds. */
export function sinceParam(tsMicros: number): string {
  return `${Math.floor(tsMicros / 1e6)}.${String(tsMicros % 1e6).padStart(6, '0')}001`;
}
