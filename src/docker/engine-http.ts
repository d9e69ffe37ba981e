// Plain JSON GETs to a Docker engine over a unix socket or plain TCP, on a few kept-alive
// connections: what the first listing and each refresh ask for, without dockerode. Requests are
// written by hand and responses read by ResponseReader: node:http's request and response streams
// cost more than the 20 stats a second they carried at idle (bench/RESULTS.md). Engines over
// TLS, a named pipe or ssh get undefined and are left to dockerode.
import { connect, type NetConnectOpts, type Socket } from 'node:net';
import { ResponseReader } from './http-response';

export interface EngineHttp {
  get<T>(path: string): Promise<T>;
  close(): void;
}

/** An error shaped like dockerode's, so dockerErrorText reads both the same way. */
export class EngineError extends Error {
  constructor(readonly statusCode: number, readonly json: { message?: string } | undefined) {
    super(`(HTTP code ${statusCode}) ${json?.message ?? 'unexpected response'}`);
  }
}

interface Request { path: string; resolve(body: Buffer, status: number): void; reject(error: Error): void }

/** Where to connect for an engine over a unix socket or plain TCP, and the Host header to send; undefined for the rest. */
export function plainEngine(host: string): { target: NetConnectOpts; hostHeader: string } | undefined {
  const url = new URL(host);
  if (url.protocol !== 'unix:' && url.protocol !== 'tcp:' && url.protocol !== 'http:') return undefined;
  const target = url.protocol === 'unix:' ? { path: decodeURIComponent(url.pathname) } : { host: url.hostname, port: Number(url.port || 2375) };
  return { target, hostHeader: url.protocol === 'unix:' ? 'docker' : url.host };
}

export function engineHttp(host: string, timeoutMs: number, maxConnections = 16): EngineHttp | undefined {
  const engine = plainEngine(host);
  if (!engine) return undefined;
  const { target, hostHeader } = engine;
  const idle: Socket[] = [];
  const waiting: Request[] = [];
  let open = 0;
  let closed = false;

  const release = (socket: Socket) => {
    const next = waiting.shift();
    if (next) return send(socket, next, true);
    socket.unref();
    idle.push(socket);
  };
  const dropped = (socket: Socket) => {
    const at = idle.indexOf(socket);
    if (at >= 0) idle.splice(at, 1);
  };
  const fresh = (): Socket => {
    open++;
    const socket = connect(target);
    socket.setNoDelay(true);
    socket.once('close', () => { open--; dropped(socket); if (!closed && waiting.length && open < maxConnections) send(fresh(), waiting.shift()!, false); });
    socket.on('error', () => dropped(socket)); // an idle connection the engine closed
    return socket;
  };

  /** Writes the request and reads its response; a reused connection the engine had closed is retried once on a new one. */
  const send = (socket: Socket, req: Request, reused: boolean) => {
    socket.ref();
    const reader = new ResponseReader();
    let settled = false;
    let received = false;
    const finish = (error?: Error) => {
      settled = true;
      clearTimeout(timer);
      socket.off('data', onData).off('error', onError).off('end', onEnd);
      if (error) socket.destroy();
      if (error && reused && !received) return send(fresh(), req, false);
      if (error) req.reject(error);
    };
    const onData = (chunk: Buffer) => {
      received = true;
      try {
        const response = reader.feed(chunk);
        if (!response) return;
        finish();
        if (response.keepAlive && !closed) release(socket); else socket.destroy();
        req.resolve(response.body, response.status);
      } catch (error) { finish(error as Error); }
    };
    const onEnd = () => {
      if (settled) return;
      try { const response = reader.end(); finish(); socket.destroy(); req.resolve(response.body, response.status); }
      catch (error) { finish(error as Error); }
    };
    const onError = (error: Error) => { if (!settled) finish(error); };
    const timer = setTimeout(() => { if (!settled) { received = true; finish(new Error(`Docker did not answer ${req.path.split('?')[0]} within ${timeoutMs} ms`)); } }, timeoutMs);
    socket.on('data', onData).on('error', onError).on('end', onEnd);
    socket.write(`GET ${req.path} HTTP/1.1\r\nHost: ${hostHeader}\r\nUser-Agent: opsdeck\r\n\r\n`, (error) => { if (error) onError(error); });
  };

  const get = <T>(path: string) => new Promise<T>((resolve, reject) => {
    if (closed) return reject(new Error('the Docker connection pool is closed'));
    const req: Request = {
      path, reject,
      resolve: (body, status) => {
        const json = jsonOf(body);
        if (status >= 300) reject(new EngineError(status, json as { message?: string }));
        else if (json === undefined) reject(new Error(`Docker answered ${path} with something that is not JSON`));
        else resolve(json as T);
      },
    };
    let socket = idle.pop();
    // One the engine has just closed may still be listed: its 'close' comes a tick later.
    while (socket && (socket.destroyed || !socket.writable)) socket = idle.pop();
    if (socket) send(socket, req, true);
    else if (open < maxConnections) send(fresh(), req, false);
    else waiting.push(req);
  });

  const close = () => {
    closed = true;
    for (const socket of idle.splice(0)) socket.destroy();
    for (const req of waiting.splice(0)) req.reject(new Error('the Docker connection pool is closed'));
  };
  return { get, close };
}

/** A response body as JSON, or undefined when it is not JSON. */
export function jsonOf(body: Buffer): unknown {
  try { return JSON.parse(body.toString('utf8')); } catch { return undefined; }
}

/** The container list's query: every state, optionally narrowed by label filters. */
export function containerListPath(filters?: Record<string, string[]>): string {
  return `/containers/json?all=1${filters ? `&filters=${encodeURIComponent(JSON.stringify(filters))}` : ''}`;
}
