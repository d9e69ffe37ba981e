// For `npm run bench` only (OPSDECK_BENCH_STATS=/path): the log counters and Ink's render
// count and times, written as JSON once a second and at exit. Off when the variable is unset.
import { writeFileSync, renameSync } from 'node:fs';
import { writeFile, rename } from 'node:fs/promises';
import { getHeapSpaceStatistics } from 'node:v8';
import type { LogFeed } from '../logs/log-feed';

export function startBenchStats(path: string, feed: LogFeed) {
  const started = Date.now();
  let renders = 0, renderMs = 0, renderMax = 0;
  const recent: number[] = [];
  let lastKey = '', lastAt = 0;
  const write = (force = false) => {
    const { store } = feed;
    // Unchanged counters are not rewritten: the idle benchmark would otherwise measure this file.
    const key = `${renders}:${store.received}`;
    if (!force && key === lastKey && Date.now() - lastAt < 10_000) return;
    lastKey = key;
    lastAt = Date.now();
    const kept = store.services().reduce((n, s) => n + store.keptCount(s), 0);
    const data = { t: Date.now() - started, received: store.received, dropped: store.dropped(), kept, merged: store.size,
      renders, renderMs, renderMax, recentRenderMs: recent, rss: process.memoryUsage.rss(), cpu: process.cpuUsage(), memory: memoryBreakdown() };
    const text = JSON.stringify(data);
    // Off the main thread while running: under a flood the disk is busy with the containers'
    // logs and a synchronous rename stalled key handling for tens of milliseconds.
    if (!force) {
      void writeFile(`${path}.tmp`, text).then(() => rename(`${path}.tmp`, path)).catch(() => undefined);
      return;
    }
    try { writeFileSync(`${path}.tmp`, text); renameSync(`${path}.tmp`, path); } catch { /* a benchmark aid only */ }
  };
  const timer = setInterval(() => write(), 1000);
  timer.unref();
  return {
    onRender: ({ renderTime }: { renderTime: number }) => {
      renders++;
      renderMs += renderTime;
      renderMax = Math.max(renderMax, renderTime);
      recent.push(Math.round(renderTime * 100) / 100);
      if (recent.length > 2000) recent.splice(0, 1000);
    },
    stop: () => { clearInterval(timer); write(true); },
  };
}

/** Where resident memory sits, in MB: each V8 heap space (size, used) and what lives outside it. */
function memoryBreakdown(): Record<string, number | [number, number]> {
  const mb = (n: number) => Math.round(n / 1048576);
  const usage = process.memoryUsage();
  const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, [mb(s.space_size), mb(s.space_used_size)] as [number, number]]));
  return { ...spaces, external: mb(usage.external), arrayBuffers: mb(usage.arrayBuffers) };
}

/** The log thread's heap, beside the main thread's file (`<path>.log-thread`), once a second. */
export function startLogThreadBenchStats(path: string): void {
  let last = '';
  const write = () => {
    const text = JSON.stringify(memoryBreakdown());
    if (text === last) return; // an idle thread's file would otherwise be what the idle run measures
    last = text;
    void writeFile(`${path}.log-thread.tmp`, text).then(() => rename(`${path}.log-thread.tmp`, `${path}.log-thread`)).catch(() => undefined);
  };
  setInterval(write, 1000).unref();
}
