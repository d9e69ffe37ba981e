// Shared by the lag tests: a broker, kafkajs clients that are cleaned up, a LagSource on it.
import { Kafka, logLevel, type Admin, type Consumer, type Producer } from 'kafkajs';
import { startBroker, type KafkaBroker } from '../src/kafka/broker';
import { kafkaConfigSchema, type KafkaConfig } from '../src/kafka/source/config-schema';
import { LagSource } from '../src/kafka/source/lag-source';
import { waitUntil } from './harness/wait';

export const TOPIC = 'crypto-features';
export const GROUP = 'volatility-predictor';

export function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  return waitUntil(check, what, timeoutMs);
}

export class LagRig {
  broker!: KafkaBroker;
  kafka!: Kafka;
  private readonly cleanups: Array<() => Promise<unknown>> = [];

  async start(port = 0): Promise<this> {
    this.broker = await startBroker({ port });
    this.kafka = new Kafka({ clientId: 'opsdeck-lag-test', brokers: [this.broker.brokers], logLevel: logLevel.NOTHING });
    return this;
  }

  track<T extends Admin | Producer | Consumer | LagSource>(client: T): T {
    this.cleanups.push(() => ('stop' in client ? client.stop() : client.disconnect()).catch(() => undefined));
    return client;
  }

  config(extra: Record<string, unknown> = {}): KafkaConfig {
    return kafkaConfigSchema.parse({ brokers: [this.broker.brokers], poll: '100ms', ...extra });
  }

  source(extra: Record<string, unknown> = {}): LagSource {
    return this.track(new LagSource(this.config(extra), { maxBackoffMs: 400, batchMs: 0 }));
  }

  async consumer(groupId = GROUP): Promise<Consumer> {
    const consumer = this.track(this.kafka.consumer({ groupId, sessionTimeout: 6_000, heartbeatInterval: 300, maxWaitTimeInMs: 200 }));
    await consumer.connect();
    await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
    await consumer.run({ autoCommitInterval: 100, eachMessage: async () => undefined });
    return consumer;
  }

  async close(): Promise<void> {
    for (const cleanup of this.cleanups.splice(0).reverse()) await cleanup();
    await this.broker.close();
  }
}
