// What every demo service shares: exit when opsdeck's end of stdin closes (so a SIGKILLed
// opsdeck leaves nothing behind), a graceful SIGTERM, a JSON HTTP server on 127.0.0.1, and the
// drill faults file the demo writes (re-read every few hundred ms).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const log = (level: 'INFO' | 'WARN' | 'ERROR', text: string) => process.stdout.write(`${new Date().toISOString()} ${level} ${text}\n`);

/** Calls `stop` and exits on SIGTERM/SIGINT, and when stdin (opsdeck's lifeline pipe) closes. */
export function lifeline(stop: () => Promise<void> | void = () => undefined): void {
  let stopping = false;
  const quit = (why: string) => {
    if (stopping) return;
    stopping = true;
    log('INFO', `shutting down (${why})`);
    void Promise.race([Promise.resolve(stop()), new Promise((r) => setTimeout(r, 1500))]).finally(() => process.exit(0));
  };
  process.on('SIGTERM', () => quit('SIGTERM'));
  process.on('SIGINT', () => quit('SIGINT'));
  if (!process.stdin.isTTY) {
    process.stdin.on('end', () => quit('opsdeck went away'));
    process.stdin.on('close', () => quit('opsdeck went away'));
    process.stdin.resume();
  }
}

export type Handler = (req: IncomingMessage, url: URL, body: string) => Promise<Reply> | Reply;
export interface Reply { status?: number; json?: unknown; text?: string; type?: string }

export function serve(port: number, handler: Handler): Promise<Server> {
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => { body += d; });
    req.on('end', () => {
      Promise.resolve()
        .then(() => handler(req, new URL(req.url ?? '/', 'http://127.0.0.1'), body))
        .then((reply) => send(res, reply), (error: Error) => send(res, { status: 500, json: { error: error.message } }));
    });
  });
  server.keepAliveTimeout = 2000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

function send(res: ServerResponse, reply: Reply): void {
  const text = reply.json !== undefined ? JSON.stringify(reply.json) : reply.text ?? '';
  res.writeHead(reply.status ?? 200, { 'content-type': reply.type ?? (reply.json !== undefined ? 'application/json' : 'text/plain; version=0.0.4') });
  res.end(text);
}

export function envPort(name = 'PORT'): number {
  const port = Number(process.env[name]);
  if (!(port > 0)) throw new Error(`${name} must be a port number`);
  return port;
}

/** Faults the demo's drills switch on, from $DEMO_DIR/faults.json. */
export interface Faults {
  latency_ms?: number;
  error_rate?: number;
  log_flood?: boolean;
}

export function faultsReader(): () => Faults {
  const file = process.env.DEMO_DIR ? join(process.env.DEMO_DIR, 'faults.json') : undefined;
  let cached: Faults = {};
  let readAt = 0;
  return () => {
    if (!file || Date.now() - readAt < 300) return cached;
    readAt = Date.now();
    try {
      cached = JSON.parse(readFileSync(file, 'utf8')) as Faults;
    } catch {
      cached = {};
    }
    return cached;
  };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
