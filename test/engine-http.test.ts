// The hand-written keep-alive client the refresh reads go through, against real servers on real
// sockets: node:http where it behaves like Docker's Go server, raw TCP where a test needs bytes
// split or connections dropped at exact points.
import { describe, it, expect, afterEach } from 'vitest';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer, type AddressInfo, type Server as NetServer, type Socket } from 'node:net';
import { engineHttp } from '../src/docker/engine-http';
import { dockerErrorText } from '../src/docker/connect';

const servers: (Server | NetServer)[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    (s as Server).closeAllConnections?.();
    await new Promise((resolve) => s.close(resolve));
  }
});
const listen = async <S extends Server | NetServer>(server: S): Promise<string> => {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `tcp://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
/** A TCP server that answers every request on a connection with `answer(n)`, n counting from 1. */
const rawServer = (answer: (socket: Socket, n: number) => void) => createServer((socket) => {
  let n = 0;
  let buffered = '';
  socket.on('data', (d) => {
    buffered += d.toString('latin1');
    while (buffered.includes('\r\n\r\n')) {
      buffered = buffered.slice(buffered.indexOf('\r\n\r\n') + 4);
      answer(socket, ++n);
    }
  });
  socket.on('error', () => undefined);
});
/** Writes `text` a few bytes at a time, as a slow or fragmenting network would deliver it. */
const dribble = async (socket: Socket, text: string, size = 3) => {
  for (let i = 0; i < text.length; i += size) {
    socket.write(text.slice(i, i + size));
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
};

describe('the engine HTTP client', () => {
  it('reads bodies sized by Content-Length, by chunks (with extensions and trailers) and by the close, however the bytes arrive', async () => {
    const body = JSON.stringify({ Id: 'abc', Names: ['/ml-api-1'], Labels: { 'com.docker.compose.service': 'api ✓' } });
    const bytes = Buffer.byteLength(body);
    const host = await listen(rawServer((socket, n) => {
      if (n === 1) void dribble(socket, `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${bytes}\r\n\r\n${body}`);
      if (n === 2) {
        const [a, b] = [body.slice(0, 10), body.slice(10)];
        void dribble(socket, `HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n${Buffer.byteLength(a).toString(16)};ext=1\r\n${a}\r\n${Buffer.byteLength(b).toString(16)}\r\n${b}\r\n0\r\nX-Trailer: yes\r\n\r\n`, 5);
      }
      if (n === 3) void dribble(socket, `HTTP/1.0 200 OK\r\n\r\n${body}`).then(() => socket.end());
    }));
    const http = engineHttp(host, 5000)!;
    try {
      const expected = JSON.parse(body);
      expect(await http.get('/containers/abc/json')).toEqual(expected);
      expect(await http.get('/containers/abc/json')).toEqual(expected);
      expect(await http.get('/containers/abc/json')).toEqual(expected);
    } finally {
      http.close();
    }
  });

  it('keeps one connection for requests in a row, and lets no more than its limit open at once', async () => {
    let connections = 0;
    let peak = 0;
    let inFlight = 0;
    const server = createHttpServer((req, res) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      setTimeout(() => { inFlight--; res.setHeader('Content-Type', 'application/json'); res.end(JSON.stringify({ path: req.url })); }, 10);
    });
    server.on('connection', () => connections++);
    const http = engineHttp(await listen(server), 5000, 3)!;
    try {
      for (let i = 0; i < 5; i++) expect(await http.get(`/one/${i}`)).toEqual({ path: `/one/${i}` });
      expect(connections).toBe(1);
      const all = await Promise.all(Array.from({ length: 12 }, (_, i) => http.get<{ path: string }>(`/many/${i}`)));
      expect(all.map((a) => a.path)).toEqual(Array.from({ length: 12 }, (_, i) => `/many/${i}`));
      expect(peak).toBeLessThanOrEqual(3);
      expect(connections).toBeLessThanOrEqual(3);
    } finally {
      http.close();
    }
  });

  it('asks again on a new connection when the engine drops a kept-alive one without answering', async () => {
    const host = await listen(rawServer((socket, n) => {
      if (n === 1) socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}');
      else socket.destroy(); // the second request on this connection: gone, as after an engine restart
    }));
    const http = engineHttp(host, 5000)!;
    try {
      expect(await http.get('/first')).toEqual({});
      expect(await http.get('/second')).toEqual({});
    } finally {
      http.close();
    }
  });

  it('turns a cut-short body, an error status and a body that is not JSON into errors that say so', async () => {
    const host = await listen(rawServer((socket) => {
      socket.on('data', () => undefined);
      socket.end('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"Id":');
    }));
    const cut = engineHttp(host, 5000)!;
    expect(String(await cut.get('/containers/json').catch((e: Error) => e.message))).toMatch(/closed before the response was complete/);
    cut.close();

    const server = createHttpServer((req, res) => {
      if (req.url === '/gone') { res.statusCode = 404; res.end(JSON.stringify({ message: 'No such container: gone' })); }
      else res.end('<html>a proxy page</html>');
    });
    const http = engineHttp(await listen(server), 5000)!;
    try {
      expect(dockerErrorText(await http.get('/gone').catch((e: unknown) => e))).toBe('No such container: gone (HTTP 404)');
      expect(String(await http.get('/version').catch((e: Error) => e.message))).toBe('Docker answered /version with something that is not JSON');
      expect(await http.get('/gone').catch(() => 'still usable after errors')).toBe('still usable after errors');
    } finally {
      http.close();
    }
  });
});
