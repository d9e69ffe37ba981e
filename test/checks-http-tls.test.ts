import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { probeHttp } from '../src/checks/http-probe';
import { closeSharedAgent } from '../src/checks/http-agent';

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let server: Server | undefined;
let url = '';

beforeAll(async () => {
  if (!hasOpenssl()) return;
  const dir = mkdtempSync(join(tmpdir(), 'opsdeck-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-days', '1',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  const tls = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  rmSync(dir, { recursive: true, force: true });
  server = createServer(tls, (_req, res) => { res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"healthy"}'); });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  url = `https://localhost:${(server.address() as { port: number }).port}/health`;
});

afterAll(async () => {
  await closeSharedAgent();
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

it.skipIf(!hasOpenssl())('says a self-signed certificate is a TLS error', async () => {
  const result = await probeHttp({
    name: 'mlflow', type: 'http', url, interval: 15_000, timeout: 2_000, method: 'GET', headers: {},
    expect_status: [], max_redirects: 5, max_body_bytes: 1 << 20, json: ['status == healthy'], fields: [],
  }, { signal: new AbortController().signal });
  expect(result).toMatchObject({ state: 'down', error: 'TLS error: self-signed certificate' });
});
