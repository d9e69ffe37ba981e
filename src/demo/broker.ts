// The in-repo Kafka-protocol broker as a demo service on PORT, with TOPIC pre-created.
import { startBroker } from '../kafka/broker';
import { envPort, lifeline, log } from './service-kit';

const topic = process.env.TOPIC ?? 'crypto-features';
const broker = await startBroker({ port: envPort(), host: '127.0.0.1', defaultPartitions: 3, minSessionTimeoutMs: 100 });
broker.createTopic(topic, 3);
log('INFO', `Kafka-protocol broker listening on ${broker.brokers}; topic ${topic} (3 partitions)`);
lifeline(() => broker.close());
