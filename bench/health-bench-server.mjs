// The benchmark's targets, in their own process so their CPU is not counted against opsdeck:
// one HTTP server per port answering /health like the seed's model API, and /hang never.
import { createServer } from 'node:http';

const count = Number(process.argv[2] ?? 500);
const body = JSON.stringify({ status: 'healthy', model_loaded: true, model_version: 'local-1764545017', timestamp: 1733450123.45 });
const ports = [];
for (let i = 0; i < count; i++) {
  const server = createServer((req, res) => {
    if (req.url === '/hang') return;
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  ports.push(server.address().port);
}
process.stdout.write(`${JSON.stringify(ports)}\n`);
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
