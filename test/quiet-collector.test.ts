import { describe, it, expect, afterEach } from 'vitest';
import { getHeapStatistics } from 'node:v8';
import { PerformanceObserver, constants } from 'node:perf_hooks';
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

  it('measures later growth from the level the heap grows back to, not from the trough', async () => {
    // Full collections, counted as Node reports them (a low-memory one is two in a row).
    let majors = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if ((entry as unknown as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors++;
    });
    observer.observe({ entryTypes: ['gc'] });
    // Resident MB at each look (the first is the start): grown 4 MB, so collected; at the next
    // look grown back to 103, the working level, which becomes the baseline; 104 is not 3 MB
    // beyond it, 106 is.
    const figures = [100, 104, 103, 104, 106, 105, 105];
    const majorsBefore: number[] = [];
    stop = collectWhileQuiet({ linesReceived: () => 0, lastInputAt: () => 0, everyMs: 80, growthBytes: 3 * MB,
      rss: () => { majorsBefore.push(majors); return figures[Math.min(majorsBefore.length - 1, figures.length - 1)] * MB; } });
    while (majorsBefore.length < figures.length) await sleep(20);
    observer.disconnect();
    const collectedAfter = majorsBefore.slice(1).map((n, look) => n > majorsBefore[look]).flatMap((yes, look) => (yes ? [look] : []));
    expect(collectedAfter).toEqual([1, 4]);
  });
});
