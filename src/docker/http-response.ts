// Reads one HTTP/1.1 response from the bytes of a connection as they arrive: the status line,
// the headers it needs, and a body sized by Content-Length, by chunks, or by the end of the
// connection. Just what a Docker engine sends to a GET; anything else is an error, not a guess.

export interface HttpResponse {
  status: number;
  body: Buffer;
  /** Whether the connection may carry another request. */
  keepAlive: boolean;
}

const CRLF = Buffer.from('\r\n');
const HEAD_END = Buffer.from('\r\n\r\n');
const MAX_LINE = 64 * 1024;
const EMPTY = Buffer.alloc(0);

type Phase = 'head' | 'sized' | 'until-close' | 'chunk-size' | 'chunk-data' | 'trailers';

export class ResponseReader {
  private pending: Buffer = EMPTY;
  private phase: Phase = 'head';
  private status = 0;
  private keepAlive = true;
  /** Body bytes still expected: of the whole body, or of the current chunk and its CRLF. */
  private left = 0;
  private readonly parts: Buffer[] = [];

  /** With `onBody`, the body of a successful response goes there as it arrives instead of being kept. */
  constructor(private readonly onBody?: (part: Buffer) => void) {}

  /** Takes the next bytes; returns the response once it is complete. */
  feed(data: Buffer): HttpResponse | undefined {
    this.pending = this.pending.length ? Buffer.concat([this.pending, data]) : data;
    for (;;) {
      const before = this.phase;
      const done = this.step();
      if (done) return done;
      if (this.phase === before) { // needs more bytes; a copy of what is left, not a slice that keeps the chunk alive
        if (this.pending.buffer.byteLength > 2 * this.pending.length) this.pending = this.pending.length ? Buffer.from(this.pending) : EMPTY;
        return undefined;
      }
    }
  }

  /** The connection ended: a response delimited by the close is now complete; anything else is cut short. */
  end(): HttpResponse {
    if (this.phase === 'until-close') return this.done(false);
    throw new Error('the connection closed before the response was complete');
  }

  private step(): HttpResponse | undefined {
    switch (this.phase) {
      case 'head': return this.readHead();
      case 'sized': case 'until-close': return this.readSized();
      case 'chunk-size': return this.readChunkSize();
      case 'chunk-data': return this.readChunkData();
      case 'trailers': return this.readTrailers();
    }
  }

  private line(end: Buffer): Buffer | undefined {
    const at = this.pending.indexOf(end);
    if (at < 0) {
      if (this.pending.length > MAX_LINE) throw new Error('response headers are too large');
      return undefined;
    }
    const line = this.pending.subarray(0, at);
    this.pending = this.pending.subarray(at + end.length);
    return line;
  }

  private readHead(): HttpResponse | undefined {
    const head = this.line(HEAD_END);
    if (!head) return undefined;
    const lines = head.toString('latin1').split('\r\n');
    const status = /^HTTP\/1\.([01]) (\d{3})/.exec(lines[0]);
    if (!status) throw new Error(`not an HTTP response: ${JSON.stringify(lines[0].slice(0, 40))}`);
    const headers = new Map<string, string>();
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim().toLowerCase());
    }
    this.status = Number(status[2]);
    const connection = headers.get('connection') ?? '';
    this.keepAlive = status[1] === '1' ? connection !== 'close' : connection === 'keep-alive';
    const declared = headers.get('content-length');
    if (/(^|,)\s*chunked$/.test(headers.get('transfer-encoding') ?? '')) this.phase = 'chunk-size';
    else if (this.status === 204 || this.status === 304) return this.done(this.keepAlive);
    else if (declared === undefined) this.phase = 'until-close';
    else {
      this.left = Number(declared);
      if (!/^\d+$/.test(declared) || !Number.isSafeInteger(this.left)) throw new Error(`bad Content-Length: ${declared}`);
      this.phase = 'sized';
    }
    return undefined;
  }

  private readSized(): HttpResponse | undefined {
    if (this.phase === 'until-close') { this.take(this.pending.length); return undefined; }
    if (this.pending.length > this.left) throw new Error('more body than its Content-Length');
    this.left -= this.take(this.pending.length);
    return this.left === 0 ? this.done(this.keepAlive) : undefined;
  }

  private readChunkSize(): HttpResponse | undefined {
    const line = this.line(CRLF);
    if (!line) return undefined;
    const size = line.toString('latin1').split(';')[0].trim();
    if (!/^[0-9a-fA-F]{1,12}$/.test(size)) throw new Error('bad chunk size');
    this.left = parseInt(size, 16);
    this.phase = this.left === 0 ? 'trailers' : 'chunk-data';
    return undefined;
  }

  private readChunkData(): HttpResponse | undefined {
    if (this.left > 0) this.left -= this.take(Math.min(this.left, this.pending.length));
    if (this.left > 0 || this.pending.length < 2) return undefined;
    if (this.pending[0] !== 13 || this.pending[1] !== 10) throw new Error('chunk not followed by CRLF');
    this.pending = this.pending.subarray(2);
    this.phase = 'chunk-size';
    return undefined;
  }

  /** After the last chunk: trailer lines, if any, up to an empty line. */
  private readTrailers(): HttpResponse | undefined {
    for (let line = this.line(CRLF); line; line = this.line(CRLF)) if (line.length === 0) return this.done(this.keepAlive);
    return undefined;
  }

  private take(n: number): number {
    if (n > 0 && this.onBody && this.status < 300) this.onBody(this.pending.subarray(0, n));
    else if (n > 0) this.parts.push(this.pending.subarray(0, n));
    this.pending = this.pending.subarray(n);
    return n;
  }

  private done(keepAlive: boolean): HttpResponse {
    return { status: this.status, body: this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts), keepAlive };
  }
}
