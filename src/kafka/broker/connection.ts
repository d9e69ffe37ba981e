// One client connection: splits the byte stream into size-prefixed requests, answers them
// one at a time in arrival order (as a Kafka broker does), and closes this connection, and
// only this one, on anything malformed.
import type { Socket } from 'node:net';
import { Reader, Writer } from './codec';
import { ApiKey, isSupported } from './protocol';
import { unsupportedApiVersionsReply } from './api-versions';
import { HANDLERS } from './handlers';
import type { BrokerState } from './broker-state';

const MAX_REQUEST_BYTES = 64 * 1024 * 1024;
const MIN_HEADER_BYTES = 10; // api_key, api_version, correlation_id, client_id length

export function serveConnection(socket: Socket, state: BrokerState): void {
  const clientHost = `/${socket.remoteAddress ?? 'unknown'}`;
  let pending: Buffer = Buffer.alloc(0);
  let queue = Promise.resolve();

  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk: Buffer) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    while (pending.length >= 4) {
      const size = pending.readInt32BE(0);
      if (size < MIN_HEADER_BYTES || size > MAX_REQUEST_BYTES) {
        socket.destroy();
        return;
      }
      if (pending.length < 4 + size) break;
      const frame = pending.subarray(4, 4 + size);
      pending = pending.subarray(4 + size);
      queue = queue.then(() => answer(frame)).catch(() => { socket.destroy(); });
    }
  });

  async function answer(frame: Buffer): Promise<void> {
    if (socket.destroyed) return;
    const reader = new Reader(frame);
    const apiKey = reader.int16();
    const apiVersion = reader.int16();
    const correlationId = reader.int32();
    let body: Writer | null;
    if (apiKey === ApiKey.ApiVersions && !isSupported(apiKey, apiVersion)) {
      body = unsupportedApiVersionsReply();
    } else {
      const handler = HANDLERS.get(apiKey);
      if (!handler || !isSupported(apiKey, apiVersion)) throw new Error(`unsupported api ${apiKey} v${apiVersion}`);
      const clientId = reader.nullableString() ?? '';
      state.requestCounts.set(apiKey, (state.requestCounts.get(apiKey) ?? 0) + 1);
      body = await handler({ apiKey, apiVersion, correlationId, clientId, clientHost, state }, reader);
    }
    if (body === null || socket.destroyed) return;
    const payload = body.toBuffer();
    const header = Buffer.allocUnsafe(8);
    header.writeInt32BE(payload.length + 4, 0);
    header.writeInt32BE(correlationId, 4);
    socket.write(Buffer.concat([header, payload]));
  }
}
