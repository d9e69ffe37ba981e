import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeHttp } from '../src/checks/http-probe';
import { closeSharedAgent } from '../src/checks/http-agent';
import type { HttpCheckSpec } from '../src/checks/types';
import { freePort } from './harness/postgres';

const HEALTHY = { status: 'healthy', model_loaded: true, model_version: 'local-1764545017', timestamp: 1733450123.45 };

type Route = (req: IncomingMessage, res: ServerResponse) => void;
const json = (status: number, body: unknown): Route => (_req, res) => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};
const redirect = (to: string): Route => (_req, res) => { res.writeHead(302, { location: to }).end(); };

const routes: Record<string, Route> = {
  '/health': json(200, HEALTHY),
  '/health-unloaded': json(503, { status: 'unhealthy', model_loaded: false }),
  '/health-not-loaded-200': json(200, { status: 'healthy', model_loaded: false }),
  '/model-missing': json(503, { detail: 'Model not loaded' }),
  '/html': (_req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><body>502 Bad Gateway</body></html>'); },
  '/big': (_req, res) => { res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(10_000_000) }).end(Buffer.alloc(10_000_000, 32)); },
  '/big-chunked': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(64 * 1024, 32);
    let sent = 0;
    const more = () => { while (sent < 160 && res.write(chunk)) sent++; if (sent < 160) res.once('drain', more); else res.end(); };
    more();
  },
  '/loop-a': redirect('/loop-b'),
  '/loop-b': redirect('/loop-a'),
  '/moved': redirect('/health'),
  '/hang': () => undefined,
};

let server: Server;
let base: string;
let connections = 0;

beforeAll(async () => {
  server = createServer((req, res) => (routes[req.url ?? ''] ?? json(404, { detail: 'Not Found' }))(req, res));
  server.on('connection', () => { connections++; });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  await closeSharedAgent();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function spec(path: string, extra: Partial<HttpCheckSpec> = {}): HttpCheckSpec {
  return {
    name: 'api', type: 'http', url: path.includes('://') ? path : `${base}${path}`, interval: 15_000, timeout: 2_000,
    method: 'GET', headers: {}, expect_status: [], max_redirects: 5, max_body_bytes: 1 << 20,
    json: ['status in [healthy, ok]', 'model_loaded == true'], fields: ['model_version'], ...extra,
  };
}

const probe = (s: HttpCheckSpec) => probeHttp(s, { signal: new AbortController().signal });

describe('http probe against a prediction API', () => {
  it('reports a healthy API as ok with its model version', async () => {
    const result = await probe(spec('/health'));
    expect(result).toMatchObject({ state: 'ok', fields: { model_version: 'local-1764545017' } });
    expect(result.error).toBeUndefined();
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('says HTTP 503 when the model is not loaded, and still shows the fields it could read', async () => {
    expect(await probe(spec('/health-unloaded'))).toMatchObject({ state: 'down', error: 'HTTP 503' });
    expect((await probe(spec('/model-missing'))).error).toBe('HTTP 503: Model not loaded');
  });

  it('names the field that broke an expectation on a 200 reply', async () => {
    const result = await probe(spec('/health-not-loaded-200'));
    expect(result).toMatchObject({ state: 'down', error: 'model_loaded was false (expected == true)' });
  });

  it('checks numbers against a path', async () => {
    expect((await probe(spec('/health', { json: ['timestamp > 1000'] }))).state).toBe('ok');
    expect((await probe(spec('/health', { json: ['timestamp < 1000'] }))).error).toBe('timestamp was 1733450123.45 (expected < 1000)');
    expect((await probe(spec('/health', { json: ['model_version != null'] }))).state).toBe('ok');
    expect((await probe(spec('/health', { json: ['replicas >= 1'] }))).error).toBe('replicas is missing (expected >= 1)');
  });

  it('reports a bad expectation in words instead of throwing', async () => {
    const result = await probe(spec('/health', { json: ['model_loaded = true'] }));
    expect(result.state).toBe('down');
    expect(result.error).toMatch(/^bad expectation "model_loaded = true": expected an operator/);
  });

  it('says it got HTML where JSON was expected', async () => {
    expect(await probe(spec('/html'))).toMatchObject({ state: 'down', error: 'expected JSON, got text/html' });
  });

  it('accepts an HTML page when nothing in it is asked for', async () => {
    expect((await probe(spec('/html', { json: [], fields: [] }))).state).toBe('ok');
  });

  it('refuses a 10 MB body without reading it all, announced or chunked', async () => {
    expect(await probe(spec('/big'))).toMatchObject({ state: 'down', error: 'body larger than 1 MiB' });
    expect(await probe(spec('/big-chunked'))).toMatchObject({ state: 'down', error: 'body larger than 1 MiB' });
  });

  it('follows a redirect and reports a redirect loop in words', async () => {
    expect((await probe(spec('/moved'))).state).toBe('ok');
    const loop = await probe(spec('/loop-a'));
    expect(loop.state).toBe('down');
    expect(loop.error).toMatch(/^redirect loop: .*\/loop-a -> .*\/loop-b -> .*\/loop-a$/);
    expect((await probe(spec('/moved', { max_redirects: 0 }))).error).toMatch(/^more than 0 redirects/);
  });

  it('accepts only the expected status when one is given', async () => {
    expect((await probe(spec('/nope', { json: [], fields: [], expect_status: [404] }))).state).toBe('ok');
    expect((await probe(spec('/health', { expect_status: [204] }))).error).toBe('HTTP 200');
  });

  it('times out a server that never answers', async () => {
    const result = await probe(spec('/hang', { timeout: 300 }));
    expect(result).toMatchObject({ state: 'down', error: 'timeout after 300 ms' });
  });

  it('says connection refused, DNS failure and TLS failure in words', async () => {
    const closedPort = await freePort();
    expect((await probe(spec(`http://127.0.0.1:${closedPort}/health`))).error).toBe(`connection refused by 127.0.0.1:${closedPort}`);
    expect((await probe(spec('http://opsdeck-no-such-host.invalid/health'))).error).toMatch(/^DNS lookup failed/);
    const tls = await probe(spec(base.replace('http:', 'https:') + '/health'));
    expect(tls).toMatchObject({ state: 'down', error: 'TLS handshake failed: the server does not speak TLS on this port' });
  });

  it('marks a reply slower than slow_after as degraded', async () => {
    const result = await probe(spec('/health', { slow_after: 0 }));
    expect(result.state).toBe('degraded');
    expect(result.error).toMatch(/^slow: .* \(over 0 ms\)$/);
  });

  it('reuses one pooled connection for repeated probes', async () => {
    await probe(spec('/health'));
    const before = connections;
    for (let i = 0; i < 5; i++) await probe(spec('/health'));
    expect(connections).toBe(before);
  });
});
