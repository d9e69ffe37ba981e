// Microbenchmark: the lag tracker folding polls of 100 groups × 1,000 partitions (no broker),
// with the cockpit's heap flags: time per update and the bytes each allocates (V8's sampling
// heap profiler, collected objects included).
//   node_modules/.bin/esbuild bench/lag-tracker-micro.ts --bundle --platform=node --format=esm \
//     --packages=external --outfile=node_modules/.cache/opsdeck-bench/lag-tracker-micro.mjs --log-level=warning \
//     && node_modules/.bin/node --max-semi-space-size=4 --min-semi-space-size=4 node_modules/.cache/opsdeck-bench/lag-tracker-micro.mjs
import { Session } from 'node:inspector/promises';
import { LagTracker } from '../src/kafka/source/lag-tracker';
import type { GroupLag, LagPoll, PartitionLag } from '../src/kafka/lag/poller';
import type { Thresholds } from '../src/kafka/source/thresholds';

const GROUPS = 100;
const TOPICS = 10;
const PARTITIONS = 100;
const UPDATES = Number(process.env.UPDATES ?? 4);

/** Poll `n`: every group commits one offset further each poll while the log end moves on too. */
function poll(n: number): LagPoll {
  const groups = Array.from({ length: GROUPS }, (_, g): GroupLag => {
    const partitions: PartitionLag[] = [];
    for (let t = 0; t < TOPICS; t++) for (let p = 0; p < PARTITIONS; p++) {
      const currentOffset = ((g + p) % 21) + n;
      const logEndOffset = 20 + n;
      partitions.push({ topic: `bench-${t}`, partition: p, currentOffset, logEndOffset, lag: Math.max(0, logEndOffset - currentOffset), consumerId: undefined, host: undefined, clientId: undefined });
    }
    return { groupId: `group-${g}`, state: 'Empty', members: [], partitions, totalLag: 0, partitionsWithoutCommit: 0, error: undefined };
  });
  return { polledAt: 1_000_000 + n * 5000, groups };
}

const thresholds = { lag_messages: { warn: 1000, crit: 10_000 }, lag_seconds: { warn: 60, crit: 300 } } as unknown as Thresholds;
const timed = new LagTracker({ window: 10, thresholds });
for (let i = 0; i < UPDATES; i++) {
  const next = poll(i);
  const started = performance.now();
  timed.update(next);
  console.log(`update ${i + 1}: ${(performance.now() - started).toFixed(0)} ms`);
}

const sampled = new LagTracker({ window: 10, thresholds });
const polls = Array.from({ length: UPDATES }, (_, i) => poll(i));
const session = new Session();
session.connect();
await session.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
for (const p of polls) sampled.update(p);
const { profile } = await session.post('HeapProfiler.stopSampling');
let bytes = 0;
const walk = (node: typeof profile.head): void => { bytes += node.selfSize; node.children.forEach(walk); };
walk(profile.head);
console.log(`allocated: ${(bytes / UPDATES / 1048576).toFixed(1)} MB an update (${UPDATES} updates)`);
