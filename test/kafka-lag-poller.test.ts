// Lag polling and backlog resets through kafkajs against the in-memory broker.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { Admin, Consumer, Kafka, Producer } from 'kafkajs';
import { ApiKey, type KafkaBroker } from '../src/kafka/broker';
import { pollGroupLag, type GroupLag } from '../src/kafka/lag/poller';
import { planReset, executeReset, ResetRefusedError } from '../src/kafka/lag/reset';
import { waitUntil as waitFor } from './harness/wait';
import { KafkaRig } from './harness/kafka';


const TOPIC = 'crypto-features';
const GROUP = 'volatility-predictor';

const rig = new KafkaRig('opsdeck-lag-test');
let broker: KafkaBroker;
let kafka: Kafka;
let admin: Admin;
const track = <T extends Admin | Producer | Consumer>(client: T): T => rig.track(client);

async function runningConsumer(seen: string[] = []): Promise<Consumer> {
  const consumer = track(kafka.consumer({ groupId: GROUP, sessionTimeout: 6_000, heartbeatInterval: 300, maxWaitTimeInMs: 200 }));
  await consumer.connect();
  await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
  await consumer.run({ autoCommitInterval: 100, eachMessage: async ({ message }) => { seen.push(String(message.value)); } });
  return consumer;
}

async function pollOne(groupId = GROUP): Promise<GroupLag> {
  const { groups } = await pollGroupLag(admin, [groupId]);
  return groups[0];
}

beforeEach(async () => {
  ({ broker, kafka } = await rig.start());
  admin = track(kafka.admin());
  await admin.connect();
  broker.createTopic(TOPIC, 2);
});

afterEach(() => rig.close());

describe('lag poller', () => {
  it('shows lag growing while the consumer is paused and draining when it resumes', async () => {
    const consumer = await runningConsumer();
    broker.produce(TOPIC, ['a', 'b'], 0);
    const caughtUp = await waitFor(async () => {
      const group = await pollOne();
      return group.partitions.find((p) => p.partition === 0)?.currentOffset === 2 ? group : undefined;
    }, 'commit at offset 2');
    expect(caughtUp.state).toBe('Stable');
    expect(caughtUp.totalLag).toBe(0);
    // Partition 1 never had a message, so the consumer committed nothing there: the "-" case.
    expect(caughtUp.partitions.find((p) => p.partition === 1)).toMatchObject({ currentOffset: undefined, logEndOffset: 0, lag: undefined });
    expect(caughtUp.partitions.every((p) => p.consumerId === caughtUp.members[0].memberId && p.host === '/127.0.0.1')).toBe(true);
    expect(caughtUp.members[0].assignment).toEqual([{ topic: TOPIC, partitions: [0, 1] }]);

    consumer.pause([{ topic: TOPIC }]);
    broker.produce(TOPIC, Array.from({ length: 15 }, (_, i) => `p0-${i}`), 0);
    broker.produce(TOPIC, Array.from({ length: 5 }, (_, i) => `p1-${i}`), 1);
    const behind = await pollOne();
    expect(behind.partitions.find((p) => p.partition === 0)).toMatchObject({ currentOffset: 2, logEndOffset: 17, lag: 15 });
    expect(behind.totalLag).toBe(15);
    expect(behind.partitionsWithoutCommit).toBe(1);

    consumer.resume([{ topic: TOPIC }]);
    const drained = await waitFor(async () => {
      const group = await pollOne();
      return group.partitions.every((p) => p.lag === 0) ? group : undefined;
    }, 'lag to drain');
    expect(drained.partitions.map((p) => [p.partition, p.currentOffset, p.logEndOffset])).toEqual([[0, 17, 17], [1, 5, 5]]);
  });

  it('batches requests and never commits while polling', async () => {
    for (const groupId of ['g1', 'g2', 'g3']) {
      broker.commitOffset(groupId, TOPIC, 0, 0);
      broker.commitOffset(groupId, TOPIC, 1, 0);
    }
    broker.produce(TOPIC, ['x', 'y', 'z'], 1);
    const commitsBefore = broker.requestCount(ApiKey.OffsetCommit);
    const describesBefore = broker.requestCount(ApiKey.DescribeGroups);
    const listOffsetsBefore = broker.requestCount(ApiKey.ListOffsets);
    const poll = await pollGroupLag(admin);
    expect(poll.groups.map((g) => [g.groupId, g.state, g.totalLag, g.error])).toEqual([
      ['g1', 'Empty', 3, undefined], ['g2', 'Empty', 3, undefined], ['g3', 'Empty', 3, undefined],
    ]);
    expect(broker.requestCount(ApiKey.OffsetCommit)).toBe(commitsBefore);
    expect(broker.requestCount(ApiKey.DescribeGroups) - describesBefore).toBe(1);
    // One topic: fetchTopicOffsets asks for latest and earliest once, not once per group.
    expect(broker.requestCount(ApiKey.ListOffsets) - listOffsetsBefore).toBe(2);
  });

  it('reports an unknown group and a deleted topic as errors on those groups only', async () => {
    broker.createTopic('doomed', 1);
    broker.commitOffset('healthy', TOPIC, 0, 0);
    broker.commitOffset('orphaned', 'doomed', 0, 0);
    await admin.deleteTopics({ topics: ['doomed'] });
    broker.produce(TOPIC, ['m'], 0);
    const poll = await pollGroupLag(admin, ['healthy', 'no-such-group', { groupId: 'orphaned', topics: ['doomed'] }]);
    const byId = Object.fromEntries(poll.groups.map((g) => [g.groupId, g]));
    expect(byId.healthy).toMatchObject({ error: undefined, totalLag: 1 });
    expect(byId['no-such-group']).toMatchObject({ state: 'Dead', error: 'group "no-such-group" does not exist', partitions: [] });
    expect(byId.orphaned.error).toBe('topic "doomed" does not exist');
    expect(broker.listTopics().map((t) => t.name)).toEqual([TOPIC]);
  });
});

describe('backlog reset', () => {
  it('refuses while the group has members, then commits real offsets once it is empty', async () => {
    broker.produce(TOPIC, ['old-1', 'old-2'], 0);
    const consumer = await runningConsumer();
    await waitFor(() => broker.committedOffset(GROUP, TOPIC, 0)?.offset === 2, 'commit at 2');
    consumer.pause([{ topic: TOPIC }]);
    broker.produce(TOPIC, Array.from({ length: 30 }, (_, i) => `backlog-${i}`), 0);
    broker.produce(TOPIC, Array.from({ length: 4 }, (_, i) => `backlog-${i}`), 1);

    const plan = await planReset(admin, { groupId: GROUP, topic: TOPIC, target: { to: 'latest' } });
    expect(plan.groupState).toBe('Stable');
    expect(plan.partitions).toEqual([
      { partition: 0, before: 2, after: 32, skipped: 30, replayed: 0 },
      { partition: 1, before: undefined, after: 4, skipped: 4, replayed: 0 },
    ]);
    expect(plan.totalSkipped).toBe(34);
    await expect(executeReset(admin, plan)).rejects.toThrow(ResetRefusedError);
    await expect(executeReset(admin, plan)).rejects.toThrow(/is Stable with 1 active member\(s\); stop its consumers first/);
    expect(broker.committedOffset(GROUP, TOPIC, 0)?.offset).toBe(2);

    await consumer.disconnect();
    await executeReset(admin, plan);
    const [offsets] = await admin.fetchOffsets({ groupId: GROUP, topics: [TOPIC] });
    expect(offsets.partitions.map((p) => [p.partition, p.offset])).toEqual([[0, '32'], [1, '4']]);
    expect((await pollOne()).totalLag).toBe(0);
  });

  it('plans resets to the earliest offset and to a timestamp', async () => {
    const producer = track(kafka.producer());
    await producer.connect();
    await producer.send({ topic: TOPIC, messages: [
      { partition: 0, value: 'morning', timestamp: '1000' }, { partition: 0, value: 'noon', timestamp: '2000' },
      { partition: 0, value: 'evening', timestamp: '3000' }, { partition: 1, value: 'early', timestamp: '500' },
    ] });
    broker.commitOffset(GROUP, TOPIC, 0, 3);
    broker.commitOffset(GROUP, TOPIC, 1, 1);

    const earliest = await planReset(admin, { groupId: GROUP, topic: TOPIC, target: { to: 'earliest' } });
    expect(earliest.partitions.map((p) => [p.after, p.replayed])).toEqual([[0, 3], [0, 1]]);
    const sinceNoon = await planReset(admin, { groupId: GROUP, topic: TOPIC, target: { to: 'timestamp', timestamp: 2000 } });
    // Partition 1 has nothing at or after the timestamp: the target is its log end, not -1.
    expect(sinceNoon.partitions.map((p) => [p.partition, p.before, p.after])).toEqual([[0, 3, 1], [1, 1, 1]]);
    await executeReset(admin, sinceNoon);
    expect(broker.committedOffset(GROUP, TOPIC, 0)?.offset).toBe(1);
    expect(broker.committedOffset(GROUP, TOPIC, 1)?.offset).toBe(1);
  });
});
