// Demo prediction consumer: group GROUP (volatility-predictor) reads TOPIC, calls the API's
// /predict for each tick, and exports volatility_consumer_lag_seconds (age of the tick it is on)
// and a processing-duration histogram on its own /metrics. POST /control/stall hangs the
// handler, as a stuck consumer does; only a restart clears it.
import { Kafka } from 'kafkajs';
import { brokersFromEnv, kafkaLog } from './kafka-log';
import { Histogram, counter, gauge } from './histogram';
import { envPort, lifeline, log, serve, sleep } from './service-kit';

const topic = process.env.TOPIC ?? 'crypto-features';
const group = process.env.GROUP ?? 'volatility-predictor';
const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:8000';
const kafka = new Kafka({ clientId: 'demo-consumer', brokers: brokersFromEnv(), logCreator: kafkaLog, retry: { retries: 1000, maxRetryTime: 2000 } });
const consumer = kafka.consumer({ groupId: group, sessionTimeout: 10_000, heartbeatInterval: 1000 });
const duration = new Histogram('consumer_processing_seconds', 'Time to process one tick (predict call included)', 'status');
let processed = 0;
let failures = 0;
let lagSeconds = 0;
let onTickTs = 0;
let stalled = false;

async function handle(value: string, ts: number): Promise<void> {
  onTickTs = ts;
  while (stalled) {
    lagSeconds = (Date.now() - ts) / 1000;
    await sleep(200);
  }
  const started = performance.now();
  let status = 'error';
  try {
    const response = await fetch(`${apiUrl}/predict`, { method: 'POST', body: value, headers: { 'content-type': 'application/json' }, signal: AbortSignal.timeout(5000) });
    status = String(response.status);
    await response.text();
    if (!response.ok) { failures++; if (failures % 20 === 1) log('WARN', `prediction failed: HTTP ${response.status} from ${apiUrl}/predict`); }
  } catch (error) {
    failures++;
    if (failures % 20 === 1) log('ERROR', `prediction call failed: ${(error as Error).message}`);
  }
  duration.observe(status, (performance.now() - started) / 1000);
  processed++;
  lagSeconds = Math.max(0, (Date.now() - ts) / 1000);
  if (processed % 100 === 0) log('INFO', `processed ${processed} ticks; lag ${lagSeconds.toFixed(2)} s`);
}

setInterval(() => { if (!stalled && onTickTs && Date.now() - onTickTs > 5000) lagSeconds = 0; }, 1000).unref();

const port = envPort();
const server = await serve(port, (req, url) => {
  switch (`${req.method} ${url.pathname}`) {
    case 'GET /health': return { json: { status: 'healthy', processed, group } };
    case 'GET /metrics':
      return { text: [gauge('volatility_consumer_lag_seconds', 'Age of the tick being processed', lagSeconds), duration.text(),
        counter('volatility_predictions_total', 'Ticks processed', processed)].join('\n') + '\n' };
    case 'POST /control/stall':
      if (!stalled) log('WARN', 'handler blocked on a downstream call (stalled)');
      stalled = true;
      return { json: { stalled } };
    default: return { status: 404, json: {} };
  }
});
log('INFO', `consumer metrics on http://127.0.0.1:${port}/metrics; group ${group}`);

async function run(): Promise<void> {
  for (;;) {
    try {
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: false });
      await consumer.run({ eachMessage: async ({ message }) => handle(String(message.value ?? '{}'), Number(message.timestamp)) });
      log('INFO', `consuming ${topic} in group ${group}`);
      return;
    } catch (error) {
      log('ERROR', `Failed to connect to Kafka: ${(error as Error).message}`);
      await consumer.disconnect().catch(() => undefined);
      await sleep(1000);
    }
  }
}
consumer.on(consumer.events.CRASH, (event) => { log('ERROR', `consumer crashed: ${event.payload.error.message}; rejoining`); });
void run();
lifeline(async () => { server.close(); stalled = false; await consumer.disconnect().catch(() => undefined); });
