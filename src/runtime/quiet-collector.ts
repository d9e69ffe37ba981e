// V8 hands memory back to the system only once committed memory has grown 10 MB since it last
// did (its memory reducer), so an idle cockpit's RSS wandered up and down by ~10 MB over ten
// minutes (bench/RESULTS.md). Here, while the cockpit is quiet, RSS grown 3 MB above its working
// level is answered with the collection V8 keeps for low memory: it compacts the heap and returns
// its free pages. It takes ~50–120 ms of the main thread and ~100 ms of CPU, so it waits for a
// pause in the keys and in the logs (under a flood V8 collects often anyway).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface QuietCollector {
  /** Log lines received so far: more than QUIET_LINES between two looks is not quiet. */
  linesReceived(): number;
  /** When (Date.now()) the last key came in. */
  lastInputAt(): number;
  everyMs?: number;
  growthBytes?: number;
  /** Resident bytes now (a test gives its own figures). */
  rss?: () => number;
}

export const LOOK_EVERY_MS = 30_000;
export const GROWTH_BYTES = 3 * 1048576;
export const QUIET_LINES = 5_000;
export const KEYS_QUIET_MS = 10_000;

type Gc = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;
let gc: Gc | null | undefined;

/** V8's gc(), which Node exposes only behind a flag: set it, and take the function from a fresh context. */
function lowMemoryCollection(): Gc | undefined {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as Gc;
    } catch {
      gc = null;
    }
  }
  return gc ?? undefined;
}

/** Starts looking; returns stop. V8's gc() is fetched at the first collection: its context takes ~5 ms, not for the first frame. */
export function collectWhileQuiet({ linesReceived, lastInputAt, everyMs = LOOK_EVERY_MS, growthBytes = GROWTH_BYTES, rss = process.memoryUsage.rss }: QuietCollector): () => void {
  let lines = linesReceived();
  let settled = rss();
  let collected = false;
  const timer = setInterval(() => {
    const now = linesReceived();
    const quiet = now - lines <= QUIET_LINES && Date.now() - lastInputAt() >= KEYS_QUIET_MS;
    lines = now;
    const resident = rss();
    // Right after a collection the heap grows back to its working size, ~6 MB in 30 s: that
    // level, not the trough, is what later growth is measured from (else it collected every look).
    settled = collected ? resident : Math.min(settled, resident);
    collected = false;
    if (!quiet || resident - settled < growthBytes) return;
    const collect = lowMemoryCollection();
    if (!collect) return clearInterval(timer);
    collect({ type: 'major', execution: 'sync', flavor: 'last-resort' });
    collected = true;
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
