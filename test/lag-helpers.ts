// Shared by the lag tests: a broker, kafkajs clients that are cleaned up, a LagSource on it.
import type { Consumer } from 'kafkajs';
import { KafkaRig } from './harness/kafka';
import { kafkaConfigSchema, type KafkaConfig } from '../src/kafka/source/config-schema';
import { LagSource } from '../src/kafka/source/lag-source';
import { waitUntil } from './harness/wait';

export const TOPIC = 'crypto-features';
export const GROUP = 'volatility-predictor';

export function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  return waitUntil(check, what, timeoutMs);
}

export class LagRig extends KafkaRig {
  constructor() {
    super('opsdeck-lag-test');
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

}
