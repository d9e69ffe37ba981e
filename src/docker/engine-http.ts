// Plain JSON GETs to a Docker engine over a unix socket or plain TCP, on one keep-alive pool:
// what the first listing and each refresh ask for, without loading dockerode. Engines over TLS,
// a named pipe or ssh get undefined and are left to dockerode.
import { Agent, request } from 'node:http';

export interface EngineHttp {
  get<T>(path: string): Promise<T>;
  close(): void;
}

/** An error shaped like dockerode's, so dockerErrorText reads both the same way. */
class EngineError extends Error {
  constructor(readonly statusCode: number, readonly json: { message?: string } | undefined) {
    super(`(HTTP code ${statusCode}) ${json?.message ?? 'unexpected response'}`);
  }
}

export function engineHttp(host: string, timeoutMs: number): EngineHttp | undefined {
  const url = new URL(host);
  if (url.protocol !== 'unix:' && url.protocol !== 'tcp:' && url.protocol !== 'http:') return undefined;
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const target = url.protocol === 'unix:'
    ? { socketPath: decodeURIComponent(url.pathname) }
    : { host: url.hostname, port: Number(url.port || 2375) };
  const get = <T>(path: string) => new Promise<T>((resolve, reject) => {
    const req = request({ ...target, path, agent, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        let body: unknown;
        try { body = JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch { body = undefined; }
        if ((res.statusCode ?? 500) >= 300) reject(new EngineError(res.statusCode ?? 500, body as { message?: string }));
        else if (body === undefined) reject(new Error(`Docker answered ${path} with something that is not JSON`));
        else resolve(body as T);
      });
    });
    req.on('timeout', () => req.destroy(new Error(`Docker did not answer ${path.split('?')[0]} within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
  return { get, close: () => agent.destroy() };
}

/** The container list's query: every state, optionally narrowed by label filters. */
export function containerListPath(filters?: Record<string, string[]>): string {
  return `/containers/json?all=1${filters ? `&filters=${encodeURIComponent(JSON.stringify(filters))}` : ''}`;
}
