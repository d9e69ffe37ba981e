// Benchmark: one lag poll of 100 consumer groups × 1,000 partitions (10 topics × 100) against
// the in-repo broker (in its own process), through the same LagSource the cockpit uses. Prints per-poll times and
// the requests each poll sent per API, to show the batching.
//   node_modules/.bin/esbuild bench/kafka-lag.ts --bundle --platform=node --format=esm --packages=external \
//     --outfile=node_modules/.cache/opsdeck-bench/kafka-lag.mjs --log-level=warning \
//     && node_modules/.bin/node node_modules/.cache/opsdeck-bench/kafka-lag.mjs
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { startBroker, ApiKey } from '../src/kafka/broker';
import { kafkaConfigSchema } from '../src/kafka/source/config-schema';
import { LagSource } from '../src/kafka/source/lag-source';

const GROUPS = Number(process.env.GROUPS ?? 100);
const TOPICS = Number(process.env.TOPICS ?? 10);
const PARTITIONS = Number(process.env.PARTITIONS ?? 100);
const POLLS = Number(process.env.POLLS ?? 5);
const apis: Array<[string, number]> = [['Metadata', ApiKey.Metadata], ['ListGroups', ApiKey.ListGroups], ['DescribeGroups', ApiKey.DescribeGroups],
  ['FindCoordinator', ApiKey.FindCoordinator], ['OffsetFetch', ApiKey.OffsetFetch], ['ListOffsets', ApiKey.ListOffsets]];

// The broker runs in a child process, as a real cluster would be elsewhere: the poll time is
// then opsdeck's own work and the socket round trips, not the broker's encoding on the same thread.
if (process.env.KAFKA_BENCH_ROLE === 'broker') {
  const broker = await startBroker();
  for (let t = 0; t < TOPICS; t++) {
    const topic = `bench-${t}`;
    broker.createTopic(topic, PARTITIONS);
    for (let p = 0; p < PARTITIONS; p++) broker.produce(topic, Array.from({ length: 20 }, (_, i) => `m${i}`), p);
  }
  for (let g = 0; g < GROUPS; g++) {
    for (let t = 0; t < TOPICS; t++) for (let p = 0; p < PARTITIONS; p++) broker.commitOffset(`group-${g}`, `bench-${t}`, p, (g + p) % 21);
  }
  process.on('message', (message) => {
    if (message === 'counts') process.send!(apis.map(([, key]) => broker.requestCount(key)));
    else if (message === 'close') void broker.close().then(() => process.exit(0));
  });
  process.send!({ brokers: broker.brokers });
} else {
  const child = fork(fileURLToPath(import.meta.url), { env: { ...process.env, KAFKA_BENCH_ROLE: 'broker' } });
  const [{ brokers }] = (await once(child, 'message')) as [{ brokers: string }];
  const counts = async () => {
    child.send('counts');
    return ((await once(child, 'message')) as [number[]])[0];
  };
  const config = kafkaConfigSchema.parse({ brokers: [brokers], poll: '5s' });
  const source = new LagSource(config, { batchMs: 0 });
  const times: number[] = [];
  for (let i = 0; i < POLLS; i++) {
    const before = await counts();
    const started = performance.now();
    await source.poll();
    const ms = performance.now() - started;
    times.push(ms);
    const state = source.store.get();
    if (state.status !== 'up') throw new Error(`poll failed: ${state.error}`);
    const rows = state.groups.reduce((sum, g) => sum + g.partitions.length, 0);
    const after = await counts();
    const requests = apis.map(([name], n) => `${name} ${after[n] - before[n]}`).join(', ');
    console.log(`poll ${i + 1}: ${ms.toFixed(0)} ms for ${state.groups.length} groups, ${rows} group-partitions (${requests})`);
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`first poll ${times[0].toFixed(0)} ms; median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms; poll interval ${config.poll} ms`);
  await source.stop();
  child.send('close');
  await once(child, 'exit');
}
