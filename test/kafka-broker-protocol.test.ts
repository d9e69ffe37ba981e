// Raw-socket checks of the broker's framing, version negotiation and robustness.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { connect, type Socket } from 'node:net';
import { Kafka, logLevel } from 'kafkajs';
import { startBroker, type KafkaBroker } from '../src/kafka/broker';
import { Reader, Writer } from '../src/kafka/broker/codec';

let broker: KafkaBroker;
const sockets: Socket[] = [];

beforeEach(async () => { broker = await startBroker(); });
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await broker.close();
});

async function open(): Promise<Socket> {
  const socket = connect(broker.port, '127.0.0.1');
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => { socket.once('connect', resolve); socket.once('error', reject); });
  return socket;
}

function request(apiKey: number, apiVersion: number, correlationId: number, body: Writer = new Writer()): Buffer {
  const payload = new Writer().int16(apiKey).int16(apiVersion).int32(correlationId).string('raw-test').raw(body.toBuffer()).toBuffer();
  return new Writer().int32(payload.length).raw(payload).toBuffer();
}

/** The next response frame (without its size), or 'closed' when the broker hangs up first. */
function nextResponse(socket: Socket, timeoutMs = 5_000): Promise<Buffer | 'closed'> {
  return new Promise((resolve, reject) => {
    let buffered = Buffer.alloc(0);
    const timer = setTimeout(() => { finish(); reject(new Error('no response and no close')); }, timeoutMs);
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length >= 4 && buffered.length >= 4 + buffered.readInt32BE(0)) {
        finish();
        resolve(buffered.subarray(4, 4 + buffered.readInt32BE(0)));
      }
    };
    const onClose = () => { finish(); resolve('closed'); };
    function finish() { clearTimeout(timer); socket.off('data', onData); socket.off('close', onClose); }
    socket.on('data', onData);
    socket.on('close', onClose);
  });
}

async function brokerStillServes(): Promise<void> {
  const kafka = new Kafka({ clientId: 'after-garbage', brokers: [broker.brokers], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    expect(await admin.listTopics()).toEqual(['survivor']);
  } finally {
    await admin.disconnect();
  }
}

describe('broker wire protocol', () => {
  it('answers ApiVersions v2 with exactly the implemented versions', async () => {
    const socket = await open();
    socket.write(request(18, 2, 7));
    const response = await nextResponse(socket);
    if (response === 'closed') throw new Error('closed');
    const reader = new Reader(response);
    expect(reader.int32()).toBe(7);
    expect(reader.int16()).toBe(0);
    const versions = reader.array((r) => [r.int16(), r.int16(), r.int16()]);
    expect(versions).toContainEqual([0, 0, 2]);
    expect(versions).toContainEqual([1, 0, 3]);
    expect(versions).toContainEqual([9, 1, 3]);
    expect(versions.find(([key]) => key === 32)).toBeUndefined();
  });

  it("answers librdkafka's ApiVersions v3 probe with a v0-shaped UNSUPPORTED_VERSION", async () => {
    const socket = await open();
    socket.write(request(18, 3, 1, new Writer().int8(0).int8(0).int8(0)));
    const response = await nextResponse(socket);
    if (response === 'closed') throw new Error('closed');
    const reader = new Reader(response);
    expect(reader.int32()).toBe(1);
    expect(reader.int16()).toBe(35);
    expect(reader.array((r) => [r.int16(), r.int16(), r.int16()])).toContainEqual([18, 0, 2]);
  });

  it('closes only the connection that sent a truncated request', async () => {
    broker.createTopic('survivor', 1);
    const bad = await open();
    const good = await open();
    // Metadata v1 claiming 1000 topic names but carrying 2 bytes.
    bad.write(request(3, 1, 1, new Writer().int32(1000).int16(5)));
    expect(await nextResponse(bad)).toBe('closed');
    good.write(request(18, 0, 2));
    expect(await nextResponse(good)).not.toBe('closed');
    await brokerStillServes();
  });

  it('closes the connection on an absurd frame size, an unknown API or an unsupported version', async () => {
    broker.createTopic('survivor', 1);
    const huge = await open();
    huge.write(Buffer.from([0x7f, 0xff, 0xff, 0xff, 0, 0]));
    expect(await nextResponse(huge)).toBe('closed');
    const unknownApi = await open();
    unknownApi.write(request(999, 0, 1));
    expect(await nextResponse(unknownApi)).toBe('closed');
    const tooNew = await open();
    tooNew.write(request(3, 9, 1, new Writer().int32(-1)));
    expect(await nextResponse(tooNew)).toBe('closed');
    await brokerStillServes();
  });

  it('rejects a produced message with a bad CRC as CORRUPT_MESSAGE', async () => {
    broker.createTopic('survivor', 1);
    const message = new Writer().int32(12345).int8(0).int8(0).int32(-1).int32(3).raw(Buffer.from('bad')).toBuffer();
    const messageSet = new Writer().int64(0).int32(message.length).raw(message).toBuffer();
    const body = new Writer().int16(1).int32(1000).int32(1).string('survivor').int32(1).int32(0).bytes(messageSet);
    const socket = await open();
    socket.write(request(0, 0, 5, body));
    const response = await nextResponse(socket);
    if (response === 'closed') throw new Error('closed');
    const reader = new Reader(response);
    reader.int32();
    const [topic] = reader.array((r) => ({ name: r.string(), partitions: r.array((p) => ({ partition: p.int32(), error: p.int16(), offset: p.int64() })) }));
    expect(topic.partitions[0].error).toBe(2);
    expect(broker.highWatermarks('survivor')).toEqual([0]);
  });

  it('holds an empty fetch for max_wait and answers early when a message arrives', async () => {
    broker.createTopic('quiet', 1);
    const fetchBody = (maxWaitMs: number) =>
      new Writer().int32(-1).int32(maxWaitMs).int32(1).int32(1 << 20).int32(1).string('quiet').int32(1).int32(0).int64(0).int32(1 << 20);
    const socket = await open();
    let started = Date.now();
    socket.write(request(1, 3, 1, fetchBody(400)));
    expect(await nextResponse(socket)).not.toBe('closed');
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);

    started = Date.now();
    socket.write(request(1, 3, 2, fetchBody(10_000)));
    const pending = nextResponse(socket);
    setTimeout(() => broker.produce('quiet', ['wake up']), 100);
    const response = await pending;
    expect(Date.now() - started).toBeLessThan(2_000);
    if (response === 'closed') throw new Error('closed');
    expect(response.includes(Buffer.from('wake up'))).toBe(true);
  });
});
