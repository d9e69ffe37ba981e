import { describe, it, expect, afterEach } from 'vitest';
import { getHeapStatistics } from 'node:v8';
import { collectWhileQuiet, QUIET_LINES, KEYS_QUIET_MS } from '../src/runtime/quiet-collector';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MB = 1048576;
let stop = () => {};
afterEach(() => stop());

/** ~60 MB of objects that live long enough to reach old space, then are let go. */
function leaveOldGarbage(): void {
  let keep: { n: number; text: string }[] | undefined = [];
  for (let i = 0; i < 600_000; i++) keep.push({ n: i, text: `line ${i} of what a service logged` });
  keep = undefined;
}

const committed = () => getHeapStatistics().total_heap_size;

describe('memory while the cockpit is quiet', () => {
  it('is handed back once it has grown, and not while logs flood in or keys come', async () => {
    let lines = 0;
    let lastInputAt = 0;
    stop = collectWhileQuiet({ linesReceived: () => lines, lastInputAt: () => lastInputAt, everyMs: 100, growthBytes: MB });

    // A flood between two looks: the garbage stays.
    const flooding = setInterval(() => { lines += QUIET_LINES + 1; }, 20);
    leaveOldGarbage();
    const grown = committed();
    await sleep(400);
    clearInterval(flooding);
    expect(committed()).toBeGreaterThan(grown - 10 * MB);

    // A key a moment ago: still kept.
    lastInputAt = Date.now();
    await sleep(400);
    expect(committed()).toBeGreaterThan(grown - 10 * MB);

    // Quiet (no lines, the last key long ago): the heap shrinks to about what is live.
    lastInputAt = Date.now() - KEYS_QUIET_MS;
    await sleep(400);
    expect(committed()).toBeLessThan(grown - 30 * MB);
  });
});
