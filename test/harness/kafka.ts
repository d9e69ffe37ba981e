// A private in-repo broker and a kafkajs client on it; every client the test tracks is
// disconnected, and the broker closed, when the test ends.
import { Kafka, logLevel } from 'kafkajs';
import { startBroker, type KafkaBroker } from '../../src/kafka/broker';

type Closable = { disconnect(): Promise<void> } | { stop(): Promise<void> };

export class KafkaRig {
  broker!: KafkaBroker;
  kafka!: Kafka;
  private readonly cleanups: Array<() => Promise<unknown>> = [];

  constructor(private readonly clientId = 'opsdeck-test') {}

  async start(port = 0): Promise<this> {
    this.broker = await startBroker({ port });
    this.kafka = new Kafka({ clientId: this.clientId, brokers: [this.broker.brokers], logLevel: logLevel.NOTHING });
    return this;
  }

  track<T extends Closable>(client: T): T {
    this.onClose(() => ('stop' in client ? client.stop() : client.disconnect()).catch(() => undefined));
    return client;
  }

  onClose(cleanup: () => Promise<unknown>): void {
    this.cleanups.push(cleanup);
  }

  async close(): Promise<void> {
    for (const cleanup of this.cleanups.splice(0).reverse()) await cleanup();
    await this.broker.close();
  }
}
