import { connect, type Socket } from 'node:net';
import type { CheckResult, ProbeContext, TcpCheckSpec } from './types';
import { deadline } from './deadline';
import { describeNetworkError, timeoutInWords } from './network-errors';
import { show } from './json-evaluate';

const MAX_REPLY_BYTES = 4096;

/** Connects; with `send`, writes one line and expects the reply to start with `expect`. Never throws. */
export async function probeTcp(spec: TcpCheckSpec, ctx: ProbeContext): Promise<CheckResult> {
  const started = performance.now();
  const time = deadline(ctx.signal, spec.timeout);
  const socket = connect({ host: spec.host, port: spec.port, signal: time.signal });
  try {
    await once(socket, 'connect');
    if (spec.send !== undefined) {
      socket.write(`${spec.send}\r\n`);
      const reply = await readLine(socket);
      if (spec.expect !== undefined && !reply.startsWith(spec.expect)) {
        return down(started, `unexpected reply ${show(reply)} (expected ${show(spec.expect)})`);
      }
      return { state: 'ok', latencyMs: performance.now() - started, detail: { reply: reply.slice(0, 80) }, at: Date.now() };
    }
    return { state: 'ok', latencyMs: performance.now() - started, at: Date.now() };
  } catch (err) {
    if (time.timedOut()) return down(started, timeoutInWords(spec.timeout));
    if (ctx.signal.aborted) return down(started, 'cancelled');
    if (err instanceof ClosedError) return down(started, err.message);
    return down(started, describeNetworkError(err, spec.host));
  } finally {
    socket.destroy();
  }
}

function down(started: number, error: string): CheckResult {
  return { state: 'down', latencyMs: performance.now() - started, error, at: Date.now() };
}

class ClosedError extends Error {}

function once(socket: Socket, event: 'connect'): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once(event, () => resolve());
    socket.once('error', reject);
  });
}

/** The first line of the reply (without CR/LF), or what arrived before the peer closed. */
function readLine(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      const end = text.indexOf('\n');
      if (end >= 0) resolve(text.slice(0, end).replace(/\r$/, ''));
      else if (text.length > MAX_REPLY_BYTES) resolve(text.slice(0, MAX_REPLY_BYTES));
    });
    socket.once('end', () => (text ? resolve(text) : reject(new ClosedError('connection closed without a reply'))));
    socket.once('error', reject);
  });
}
