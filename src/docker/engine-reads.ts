// The two reads a refresh makes every second: the container list and one-shot stats. dockerode
// opens a new connection for every request and formats each one with util.inspect; at 20
// containers and a 1 s refresh that cost 1.85 % of a core, against 0.65 % for the same requests
// over a keep-alive pool (a 20 s loop, bench/RESULTS.md). Everything else
// (events, logs, inspect, actions) still goes through dockerode.
import { Agent, request } from 'node:http';
import type Docker from 'dockerode';

export interface EngineReads {
  list(filters?: Record<string, string[]>): Promise<Docker.ContainerInfo[]>;
  stats(id: string): Promise<Docker.ContainerStats>;
  close(): void;
}

/** An error shaped like dockerode's, so dockerErrorText reads both the same way. */
class EngineError extends Error {
  constructor(readonly statusCode: number, readonly json: { message?: string } | undefined) {
    super(`(HTTP code ${statusCode}) ${json?.message ?? 'unexpected response'}`);
  }
}

export function engineReads(host: string, docker: Docker, timeoutMs = 10_000): EngineReads {
  const url = new URL(host);
  // TLS engines need dockerode's certificate handling; they keep its per-request connections.
  if (url.protocol === 'https:' || url.protocol === 'npipe:') return viaDockerode(docker);
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
  return {
    list: (filters) => get(`/containers/json?all=1${filters ? `&filters=${encodeURIComponent(JSON.stringify(filters))}` : ''}`),
    stats: (id) => get(`/containers/${encodeURIComponent(id)}/stats?stream=false&one-shot=true`),
    close: () => agent.destroy(),
  };
}

function viaDockerode(docker: Docker): EngineReads {
  return {
    list: (filters) => docker.listContainers({ all: true, filters }),
    stats: (id) => docker.getContainer(id).stats({ stream: false, 'one-shot': true }),
    close: () => undefined,
  };
}
