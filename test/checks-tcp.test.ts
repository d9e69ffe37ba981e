import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeTcp } from '../src/checks/tcp-probe';
import type { TcpCheckSpec } from '../src/checks/types';
import { freePort } from './harness/postgres';

const servers: Server[] = [];
const sockets = new Set<Socket>();

async function listen(onLine: ((line: string, socket: Socket) => void) | undefined): Promise<number> {
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.setEncoding('utf8');
    socket.on('data', (data: string) => onLine?.(data.trim(), socket));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

let redis: number;
let lockedRedis: number;
let silent: number;

beforeAll(async () => {
  redis = await listen((line, socket) => socket.write(line === 'PING' ? '+PONG\r\n' : '-ERR unknown command\r\n'));
  lockedRedis = await listen((_line, socket) => socket.write('-NOAUTH Authentication required.\r\n'));
  silent = await listen(undefined);
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

const spec = (port: number, extra: Partial<TcpCheckSpec> = {}): TcpCheckSpec => ({
  name: 'redis', type: 'tcp', host: '127.0.0.1', port, interval: 15_000, timeout: 2_000, ...extra,
});
const probe = (s: TcpCheckSpec) => probeTcp(s, { signal: new AbortController().signal });

describe('tcp probe', () => {
  it('is ok when the port accepts a connection', async () => {
    expect((await probe(spec(silent))).state).toBe('ok');
  });

  it('is ok when Redis answers PING with +PONG', async () => {
    const result = await probe(spec(redis, { send: 'PING', expect: '+PONG' }));
    expect(result).toMatchObject({ state: 'ok', detail: { reply: '+PONG' } });
  });

  it('shows the reply when it is not the expected one', async () => {
    const result = await probe(spec(lockedRedis, { send: 'PING', expect: '+PONG' }));
    expect(result).toMatchObject({ state: 'down', error: 'unexpected reply "-NOAUTH Authentication required." (expected "+PONG")' });
  });

  it('times out when no reply comes', async () => {
    const result = await probe(spec(silent, { send: 'PING', expect: '+PONG', timeout: 300 }));
    expect(result).toMatchObject({ state: 'down', error: 'timeout after 300 ms' });
  });

  it('says connection refused when nothing listens', async () => {
    const port = await freePort();
    expect((await probe(spec(port))).error).toBe(`connection refused by 127.0.0.1:${port}`);
  });
});
