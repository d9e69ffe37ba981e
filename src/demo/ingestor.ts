// Demo ingestor: produces synthetic BTC/ETH ticks with a rolling return window to TOPIC
// (crypto-features) with kafkajs, RATE messages per second; /health says whether it is producing.
import { Kafka, Partitioners } from 'kafkajs';
import { brokersFromEnv, kafkaLog } from './kafka-log';
import { envPort, lifeline, log, serve } from './service-kit';

const topic = process.env.TOPIC ?? 'crypto-features';
const rate = Number(process.env.RATE ?? 5);
const kafka = new Kafka({ clientId: 'demo-ingestor', brokers: brokersFromEnv(), logCreator: kafkaLog, retry: { retries: 1000, maxRetryTime: 2000 } });
const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: true });
const prices: Record<string, number> = { 'BTC-USD': 97_000, 'ETH-USD': 3_400 };
const returns: Record<string, number[]> = { 'BTC-USD': [], 'ETH-USD': [] };
let produced = 0;
let lastOkAt = 0;
let connected = false;

async function tick(): Promise<void> {
  const symbol = Math.random() < 0.5 ? 'BTC-USD' : 'ETH-USD';
  const r = (Math.random() - 0.5) * 0.004;
  prices[symbol] *= 1 + r;
  returns[symbol] = [...returns[symbol].slice(-29), r];
  const value = JSON.stringify({ symbol, price: Number(prices[symbol].toFixed(2)), returns: returns[symbol], ts: new Date().toISOString() });
  await producer.send({ topic, messages: [{ key: symbol, value }] });
  produced++;
  lastOkAt = Date.now();
  if (produced % 100 === 0) log('INFO', `produced ${produced} ticks to ${topic}`);
}

async function loop(): Promise<void> {
  for (;;) {
    try {
      if (!connected) {
        await producer.connect();
        connected = true;
        log('INFO', `connected to Kafka; producing ${rate}/s to ${topic}`);
      }
      await tick();
    } catch (error) {
      log('ERROR', `Failed to connect to Kafka: ${(error as Error).message}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
    await new Promise((r) => setTimeout(r, 1000 / rate));
  }
}

const port = envPort();
const server = await serve(port, (req, url) => {
  if (url.pathname !== '/health') return { status: 404, json: {} };
  const fresh = Date.now() - lastOkAt < 5000;
  return { status: fresh ? 200 : 503, json: { status: fresh ? 'healthy' : 'unhealthy', produced, topic } };
});
log('INFO', `ingestor health on http://127.0.0.1:${port}/health`);
void loop();
lifeline(async () => { server.close(); await producer.disconnect().catch(() => undefined); });
