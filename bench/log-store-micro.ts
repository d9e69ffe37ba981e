// Micro-benchmark of the merged log store under a 20-follower flood: batches of lines whose
// timestamps interleave with lines already stored (each follower's chunk arrives a little late),
// capacity 5,000 lines per service as configured by default. Prints lines/s through add().
//   node_modules/.bin/esbuild bench/log-store-micro.ts --bundle --platform=node --format=esm \
//     --outfile=node_modules/.cache/opsdeck-bench/log-store-micro.mjs && node_modules/.bin/node $_
import { LogStore } from '../src/logs/log-store';
import { makeLine, type LogLine } from '../src/logs/line';

const SERVICES = 20, PER_BATCH = 1000, BATCHES = Number(process.env.BATCHES ?? 400);
const store = new LogStore(5000);
let seq = 0;
let ts = Date.now() * 1000;
const batches: LogLine[][] = [];
for (let b = 0; b < BATCHES; b++) {
  const batch: LogLine[] = [];
  // Each service's lines in this window start up to 50 ms before the previous window ended.
  for (let i = 0; i < PER_BATCH; i++) {
    const service = `svc${i % SERVICES}`;
    batch.push(makeLine({ seq: ++seq, ts: ts - 50_000 + Math.floor(Math.random() * 100_000), service, container: `${service}-1`, stream: 'stdout', text: `${service} request handled status=200`, truncatedBytes: 0 }));
  }
  ts += 50_000;
  batches.push(batch);
}
const started = performance.now();
for (const batch of batches) store.add(batch);
const ms = performance.now() - started;
console.log(`${BATCHES * PER_BATCH} lines in ${ms.toFixed(0)} ms = ${Math.round((BATCHES * PER_BATCH) / (ms / 1000))} lines/s through LogStore.add (kept ${store.size}, dropped ${store.dropped()})`);
