// Real servers for the health and latency tests: a model API with /health and a prom-client
// /metrics whose behaviour a test switches, and a Redis-like TCP listener.
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { Counter, Histogram, Registry } from 'prom-client';

export type ApiMode = 'healthy' | 'unloaded' | 'html' | 'down503';

export interface ModelApi {
  base: string;
  port: number;
  mode: ApiMode;
  metricsStatus: number;
  /** Records `n` requests of `seconds` each, answered with `status`. */
  traffic(n: number, seconds: number, status?: number): void;
  close(): Promise<void>;
}

export async function startModelApi(): Promise<ModelApi> {
  const registry = new Registry();
  const latency = new Histogram({
    name: 'http_request_duration_seconds', help: 'Request latency', registers: [registry],
    labelNames: ['method', 'route', 'status_code'], buckets: [0.05, 0.1, 0.25, 0.5, 0.8, 1, 2.5, 5],
  });
  const requests = new Counter({ name: 'http_requests_total', help: 'Requests', registers: [registry], labelNames: ['method', 'route', 'status_code'] });
  const api = { mode: 'healthy' as ApiMode, metricsStatus: 200 };
  const server: Server = createServer(async (req, res) => {
    if (req.url === '/metrics') {
      if (api.metricsStatus !== 200) return void res.writeHead(api.metricsStatus).end('metrics broken');
      return void res.writeHead(200, { 'content-type': registry.contentType }).end(await registry.metrics());
    }
    if (req.url !== '/health') return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"detail":"Not Found"}');
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    switch (api.mode) {
      case 'healthy': return void json(200, { status: 'healthy', model_loaded: true, model_version: 'local-1764545017', timestamp: 1733450123.45 });
      case 'unloaded': return void json(200, { status: 'healthy', model_loaded: false, model_version: 'local-1764545017' });
      case 'down503': return void json(503, { detail: 'Model not loaded' });
      case 'html': return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>502 Bad Gateway</html>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return Object.assign(api, {
    base: `http://127.0.0.1:${port}`,
    port,
    traffic(n: number, seconds: number, status = 200) {
      for (let i = 0; i < n; i++) {
        const labels = { method: 'POST', route: '/predict', status_code: String(status) };
        latency.observe(labels, seconds);
        requests.inc(labels);
      }
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  });
}

/** Answers "PING" with "+PONG", like Redis. */
export async function startPong(): Promise<{ port: number; close(): Promise<void> }> {
  const server: TcpServer = createTcpServer((socket) => {
    socket.on('data', (data) => { if (data.toString().startsWith('PING')) socket.write('+PONG\r\n'); });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
