// The in-memory broker driven by kcat (librdkafka), with kafkajs on the other end.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { execa, type ResultPromise } from 'execa';
import type { Admin, Consumer, Kafka, Producer } from 'kafkajs';
import type { KafkaBroker } from '../src/kafka/broker';
import { waitUntil as waitFor } from './harness/wait';
import { KafkaRig } from './harness/kafka';

const KCAT = '/usr/bin/kcat';


const rig = new KafkaRig();
let broker: KafkaBroker;
let kafka: Kafka;
const track = <T extends Admin | Producer | Consumer>(client: T): T => rig.track(client);

function kcat(args: string[], input?: string) {
  return execa(KCAT, ['-b', broker.brokers, ...args], { input, timeout: 15_000, reject: false });
}

beforeEach(async () => {
  ({ broker, kafka } = await rig.start());
});

afterEach(() => rig.close());

describe('broker with kcat', () => {
  it('lists topics and the advertised broker with -L', async () => {
    broker.createTopic('crypto-features', 3);
    broker.createTopic('predictions', 1);
    const result = await kcat(['-L']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`broker 0 at 127.0.0.1:${broker.port}`);
    expect(result.stdout).toContain('topic "crypto-features" with 3 partitions');
    expect(result.stdout).toContain('topic "predictions" with 1 partitions');
  });

  it('delivers messages produced by kcat -P to a kafkajs consumer', async () => {
    broker.createTopic('from-kcat', 1);
    const produced = await kcat(['-P', '-t', 'from-kcat', '-K', ':'], 'k1:alpha\nk2:beta\nk3:gamma\n');
    expect(produced.exitCode).toBe(0);
    expect(broker.highWatermarks('from-kcat')).toEqual([3]);

    const consumer = track(kafka.consumer({ groupId: 'reader', heartbeatInterval: 300, maxWaitTimeInMs: 200 }));
    await consumer.connect();
    await consumer.subscribe({ topic: 'from-kcat', fromBeginning: true });
    const received: string[] = [];
    await consumer.run({ eachMessage: async ({ message }) => { received.push(`${message.key}:${message.value}`); } });
    await waitFor(() => received.length === 3, 'three messages');
    expect(received).toEqual(['k1:alpha', 'k2:beta', 'k3:gamma']);
  });

  it('lets kcat -C -e read what kafkajs produced', async () => {
    broker.createTopic('from-kafkajs', 2);
    const producer = track(kafka.producer());
    await producer.connect();
    await producer.send({ topic: 'from-kafkajs', messages: [
      { key: 'a', value: 'one', partition: 0 }, { key: 'b', value: 'two', partition: 0 }, { key: 'c', value: 'three', partition: 1 },
    ] });
    const result = await kcat(['-C', '-t', 'from-kafkajs', '-o', 'beginning', '-e', '-f', '%p %o %k=%s\\n']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.split('\n').filter(Boolean).sort()).toEqual(['0 0 a=one', '0 1 b=two', '1 0 c=three']);
  });

  it('shows a kcat -G consumer in kafkajs describeGroups and fetchOffsets', async () => {
    broker.createTopic('crypto-features', 2);
    broker.produce('crypto-features', ['1', '2', '3'], 0);
    broker.produce('crypto-features', ['4'], 1);
    const consumer: ResultPromise = execa(KCAT, [
      '-b', broker.brokers, '-G', 'volatility-predictor', '-o', 'beginning', '-f', '%s\\n',
      '-X', 'auto.commit.interval.ms=100', '-X', 'session.timeout.ms=6000', '-X', 'heartbeat.interval.ms=300',
      'crypto-features',
    ], { timeout: 25_000, reject: false, forceKillAfterDelay: 1_000 });
    rig.onClose(async () => { consumer.kill('SIGTERM'); await consumer; });
    const admin = track(kafka.admin());
    await admin.connect();

    const group = await waitFor(async () => {
      const { groups } = await admin.describeGroups(['volatility-predictor']);
      return groups[0].state === 'Stable' && groups[0].members.length === 1 ? groups[0] : undefined;
    }, 'kcat consumer to join');
    expect(group.protocolType).toBe('consumer');
    expect(group.members[0].clientId).toBe('rdkafka');
    expect(group.members[0].clientHost).toBe('/127.0.0.1');

    const committed = await waitFor(async () => {
      const [topic] = await admin.fetchOffsets({ groupId: 'volatility-predictor', topics: ['crypto-features'] });
      const byPartition = Object.fromEntries(topic.partitions.map((p) => [p.partition, p.offset]));
      return byPartition[0] === '3' && byPartition[1] === '1' ? byPartition : undefined;
    }, 'kcat to commit offsets 3 and 1');
    expect(committed).toEqual({ 0: '3', 1: '1' });
    expect((await admin.listGroups()).groups).toContainEqual({ groupId: 'volatility-predictor', protocolType: 'consumer' });
  });
});
