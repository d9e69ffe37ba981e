// Where a key press's time goes inside opsdeck: loaded with
//   OPSDECK_KEY_TRACE=/tmp/keys.trace NODE_OPTIONS="--import $PWD/bench/key-trace.mjs" node bench/run.mjs --only flood
// it logs, in the opsdeck process only, each time stdin becomes readable and each write to the
// terminal (marking the help screen's "Keys" and the table's "CONTAINER"), each with the main
// thread's CPU time and run-queue wait so far (/proc/self/task/<pid>/schedstat, Linux). Times are
// wall-clock ms, so that they line up with bench/pty-drive.py's PTY_TRACE file of the same run.
// bench/key-trace-summary.mjs turns the file(s) into per-key figures. OPSDECK_KEY_TRACE_GC=1 adds
// each collection of the main thread's heap, OPSDECK_KEY_TRACE_TIMERS=1 each timer callback; the
// file's first line maps wall-clock time to a --cpu-prof profile's clock.
import { appendFileSync, readFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';

const file = process.env.OPSDECK_KEY_TRACE;
if (file && process.argv[1]?.endsWith('dist/opsdeck.js')) {
  const pending = [];
  const flush = () => appendFileSync(file, pending.splice(0).join(''));
  const sched = () => readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ').slice(0, 2).map((ns) => (Number(ns) / 1e6).toFixed(2));
  const log = (what) => {
    pending.push(`${(performance.timeOrigin + performance.now()).toFixed(2)} ${sched().join(' ')} ${what}\n`);
    if (pending.length >= 50) flush();
  };
  // The monotonic clock (µs) of --cpu-prof profiles at this wall time, to cut a profile to the keys.
  pending.push(`${(performance.timeOrigin + performance.now()).toFixed(2)} 0 0 clock ${(process.hrtime.bigint() / 1000n).toString()}\n`);
  const emit = process.stdin.emit;
  process.stdin.emit = function (event, ...args) {
    if (event === 'readable') log('key');
    return emit.call(this, event, ...args);
  };
  const write = process.stdout.write;
  process.stdout.write = function (chunk, ...args) {
    const text = String(chunk);
    log(`write ${text.length}${text.includes('Keys') ? ' Keys' : ''}${text.includes('CONTAINER') ? ' CONTAINER' : ''}`);
    return write.call(this, chunk, ...args);
  };
  process.on('exit', flush);
  if (process.env.OPSDECK_KEY_TRACE_GC) {
    // Each collection of the main thread's heap: its start (wall-clock ms), kind and length.
    const kinds = { 1: 'scavenge', 4: 'mark-compact', 8: 'incremental', 16: 'weakcb' };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) pending.push(`${(performance.timeOrigin + e.startTime).toFixed(2)} 0 0 gc ${kinds[e.detail?.kind] ?? e.detail?.kind} ${e.duration.toFixed(2)}\n`);
    }).observe({ entryTypes: ['gc'] });
  }
  if (process.env.OPSDECK_KEY_TRACE_TIMERS) {
    // Each timer callback as it runs, with its delay: what a key's frame may have slept on.
    const setTimer = globalThis.setTimeout;
    globalThis.setTimeout = function (fn, ms, ...args) {
      if (typeof fn !== 'function') return setTimer(fn, ms, ...args);
      const where = (new Error().stack ?? '').split('\n')[2]?.trim().replace(/^at /, '').replace(/\s+/g, '_').slice(-60);
      return setTimer(function (...a) { log(`timer ${ms} ${where}`); return fn.apply(this, a); }, ms, ...args);
    };
  }
}
