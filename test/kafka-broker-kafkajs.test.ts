// The in-memory broker driven by kafkajs 2.2.4 over real sockets.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { spawn } from 'node:child_process';
import { AssignerProtocol, CompressionTypes, type Admin, type Consumer, type Kafka, type Producer } from 'kafkajs';
import type { KafkaBroker } from '../src/kafka/broker';
import { waitUntil as waitFor } from './harness/wait';
import { KafkaRig } from './harness/kafka';


const rig = new KafkaRig();
let broker: KafkaBroker;
let kafka: Kafka;
const track = <T extends Admin | Producer | Consumer>(client: T): T => rig.track(client);

async function connectedAdmin(): Promise<Admin> {
  const admin = track(kafka.admin());
  await admin.connect();
  return admin;
}

async function connectedProducer(): Promise<Producer> {
  const producer = track(kafka.producer());
  await producer.connect();
  return producer;
}

function fastConsumer(groupId: string, sessionTimeout = 6_000): Consumer {
  return track(kafka.consumer({ groupId, sessionTimeout, heartbeatInterval: 300, maxWaitTimeInMs: 200, retry: { retries: 5 } }));
}

beforeEach(async () => {
  ({ broker, kafka } = await rig.start());
});

afterEach(() => rig.close());

describe('broker with kafkajs admin', () => {
  it('advertises the bound port', () => {
    expect(broker.port).toBeGreaterThan(0);
    expect(broker.brokers).toBe(`127.0.0.1:${broker.port}`);
  });

  it('creates, lists and deletes topics', async () => {
    const admin = await connectedAdmin();
    expect(await admin.createTopics({ topics: [{ topic: 'crypto-features', numPartitions: 3 }] })).toBe(true);
    expect(await admin.createTopics({ topics: [{ topic: 'crypto-features', numPartitions: 3 }] })).toBe(false);
    expect(await admin.listTopics()).toEqual(['crypto-features']);
    const metadata = await admin.fetchTopicMetadata({ topics: ['crypto-features'] });
    expect(metadata.topics[0].partitions.map((p) => p.partitionId).sort()).toEqual([0, 1, 2]);
    await admin.deleteTopics({ topics: ['crypto-features'] });
    expect(await admin.listTopics()).toEqual([]);
  });

  it('reports log offsets after a produce', async () => {
    const admin = await connectedAdmin();
    await admin.createTopics({ topics: [{ topic: 'prices', numPartitions: 2 }] });
    const producer = await connectedProducer();
    const sent = await producer.send({
      topic: 'prices',
      messages: [{ value: 'a', partition: 0 }, { value: 'b', partition: 0 }, { value: 'c', partition: 1 }],
    });
    expect(sent.map((r) => r.errorCode)).toEqual([0, 0]);
    const offsets = await admin.fetchTopicOffsets('prices');
    expect(offsets.sort((a, b) => a.partition - b.partition)).toEqual([
      { partition: 0, offset: '2', high: '2', low: '0' },
      { partition: 1, offset: '1', high: '1', low: '0' },
    ]);
  });

  it('unpacks a gzip-compressed batch into individual messages', async () => {
    broker.createTopic('zipped', 1);
    const producer = await connectedProducer();
    await producer.send({ topic: 'zipped', compression: CompressionTypes.GZIP, messages: ['a', 'b', 'c'].map((value) => ({ value })) });
    expect(broker.highWatermarks('zipped')).toEqual([3]);
    const admin = await connectedAdmin();
    expect((await admin.fetchTopicOffsets('zipped'))[0]).toMatchObject({ high: '3', low: '0' });
  });

  it('auto-creates a topic on produce with one partition', async () => {
    const producer = await connectedProducer();
    await producer.send({ topic: 'auto-made', messages: [{ value: 'x' }] });
    expect(broker.listTopics()).toEqual([{ name: 'auto-made', partitions: 1 }]);
    expect(broker.highWatermarks('auto-made')).toEqual([1]);
  });

  it('sets offsets of an empty group and reads them back, without creating unknown topics', async () => {
    const admin = await connectedAdmin();
    await admin.createTopics({ topics: [{ topic: 'events', numPartitions: 2 }] });
    broker.produce('events', ['1', '2', '3'], 0);
    expect(await admin.fetchOffsets({ groupId: 'viewer', topics: ['events'] })).toEqual([
      { topic: 'events', partitions: [{ partition: 0, offset: '-1', metadata: null }, { partition: 1, offset: '-1', metadata: null }] },
    ]);
    await admin.setOffsets({ groupId: 'viewer', topic: 'events', partitions: [{ partition: 0, offset: '2' }] });
    const [events] = await admin.fetchOffsets({ groupId: 'viewer', topics: ['events'] });
    expect(events.partitions.find((p) => p.partition === 0)?.offset).toBe('2');
    expect((await admin.listGroups()).groups).toContainEqual({ groupId: 'viewer', protocolType: 'consumer' });
    const { groups } = await admin.describeGroups(['viewer']);
    expect(groups[0].state).toBe('Empty');
    expect(broker.committedOffset('viewer', 'events', 0)?.commitTimestamp).toBeGreaterThan(Date.now() - 60_000);
    await expect(admin.fetchTopicMetadata({ topics: ['never-made'] })).rejects.toThrow(/does not host this topic-partition/);
    expect(broker.listTopics().map((t) => t.name)).toEqual(['events']);
  });

  it('describes an unknown group as Dead', async () => {
    const admin = await connectedAdmin();
    const { groups } = await admin.describeGroups(['nobody']);
    expect(groups[0]).toMatchObject({ groupId: 'nobody', state: 'Dead', members: [] });
  });
});

describe('broker with kafkajs consumer groups', () => {
  it('consumes what was produced and commits the offsets', async () => {
    broker.createTopic('crypto-features', 1);
    const producer = await connectedProducer();
    await producer.send({ topic: 'crypto-features', messages: [1, 2, 3, 4, 5].map((n) => ({ key: `k${n}`, value: `v${n}` })) });
    const consumer = fastConsumer('volatility-predictor');
    await consumer.connect();
    await consumer.subscribe({ topic: 'crypto-features', fromBeginning: true });
    const received: string[] = [];
    await consumer.run({ autoCommitInterval: 100, eachMessage: async ({ message }) => { received.push(String(message.value)); } });
    await waitFor(() => received.length === 5, 'five messages');
    expect(received).toEqual(['v1', 'v2', 'v3', 'v4', 'v5']);
    await producer.send({ topic: 'crypto-features', messages: [{ value: 'v6' }] });
    await waitFor(() => received.length === 6, 'a message produced while consuming (long poll)');
    await waitFor(() => broker.committedOffset('volatility-predictor', 'crypto-features', 0)?.offset === 6, 'commit at 6');

    const admin = await connectedAdmin();
    const { groups } = await admin.describeGroups(['volatility-predictor']);
    expect(groups[0].state).toBe('Stable');
    expect(groups[0].members).toHaveLength(1);
    const assignment = AssignerProtocol.MemberAssignment.decode(groups[0].members[0].memberAssignment);
    expect(assignment?.assignment).toEqual({ 'crypto-features': [0] });
    expect(groups[0].members[0].clientHost).toBe('/127.0.0.1');
    const [offsets] = await admin.fetchOffsets({ groupId: 'volatility-predictor', topics: ['crypto-features'] });
    expect(offsets.partitions).toEqual([{ partition: 0, offset: '6', metadata: null }]);

    await consumer.disconnect();
    const after = await admin.describeGroups(['volatility-predictor']);
    expect(after.groups[0]).toMatchObject({ state: 'Empty', members: [] });
  });

  it('splits partitions between two consumers of one group after a rebalance', async () => {
    broker.createTopic('split', 4);
    const first = fastConsumer('pair');
    await first.connect();
    await first.subscribe({ topic: 'split', fromBeginning: true });
    await first.run({ eachMessage: async () => undefined });
    const admin = await connectedAdmin();
    const assignments = async () => {
      const { groups } = await admin.describeGroups(['pair']);
      if (groups[0].state !== 'Stable') return undefined;
      return groups[0].members.map((m) => AssignerProtocol.MemberAssignment.decode(m.memberAssignment)?.assignment.split ?? []);
    };
    await waitFor(async () => (await assignments())?.[0]?.length === 4, 'first consumer owning all 4 partitions');

    const second = fastConsumer('pair');
    await second.connect();
    await second.subscribe({ topic: 'split', fromBeginning: true });
    await second.run({ eachMessage: async () => undefined });
    const split = await waitFor(async () => {
      const current = await assignments();
      return current?.length === 2 && current.every((partitions) => partitions.length === 2) ? current : undefined;
    }, 'two members with 2 partitions each');
    expect(split.flat().sort()).toEqual([0, 1, 2, 3]);
  });

  it('expires a consumer that was killed without LeaveGroup, leaving the group Empty', async () => {
    broker.createTopic('crash', 1);
    // A consumer in its own process, killed with SIGKILL: no LeaveGroup, no socket close handshake.
    const script = `
      import { createRequire } from 'node:module';
      const { Kafka, logLevel } = createRequire(process.cwd() + '/')('kafkajs');
      const kafka = new Kafka({ clientId: 'doomed', brokers: [process.argv[1]], logLevel: logLevel.NOTHING });
      const consumer = kafka.consumer({ groupId: 'crashy', sessionTimeout: 1500, heartbeatInterval: 300, maxWaitTimeInMs: 200 });
      consumer.on(consumer.events.GROUP_JOIN, () => console.log('joined'));
      await consumer.connect();
      await consumer.subscribe({ topic: 'crash', fromBeginning: true });
      await consumer.run({ eachMessage: async () => {} });
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, broker.brokers], { stdio: ['ignore', 'pipe', 'inherit'] });
    rig.onClose(async () => { child.kill('SIGKILL'); });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => { if (chunk.toString().includes('joined')) resolve(); });
      child.once('exit', (code) => reject(new Error(`consumer process exited early with ${code}`)));
    });
    expect(broker.describeGroup('crashy').state).toBe('Stable');
    child.kill('SIGKILL');
    const killedAt = Date.now();
    const admin = await connectedAdmin();
    // Still Stable at first: the coordinator cannot know the process is gone until the session times out.
    expect((await admin.describeGroups(['crashy'])).groups[0].state).toBe('Stable');
    await waitFor(async () => (await admin.describeGroups(['crashy'])).groups[0].state === 'Empty' || undefined, 'group to go Empty');
    const elapsed = Date.now() - killedAt;
    expect(elapsed).toBeGreaterThanOrEqual(1_000);
    expect(elapsed).toBeLessThan(5_000);
  });
});
