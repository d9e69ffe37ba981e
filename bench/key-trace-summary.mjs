// Per-key figures from a bench/key-trace.mjs file of the flood run, whose keys alternate:
// ? opens the help (its frame has "Keys"), ? closes it (the table's "CONTAINER" is back). For
// each, from stdin readable to the write of that frame: wall time, the main thread's CPU, its
// wait on the run queue (runnable, not running), and the rest (asleep: timers, GC helpers).
// Given the PTY_TRACE file of the same run too, it splits each key as the terminal saw it: key
// written to stdin readable in opsdeck, inside opsdeck, frame written to frame seen.
//   PTY_TRACE=/tmp/pty.trace OPSDECK_KEY_TRACE=/tmp/keys.trace BENCH_NODE_OPTIONS=... node bench/run.mjs --only flood
//   node bench/key-trace-summary.mjs /tmp/keys.trace [/tmp/pty.trace]
import { readFileSync } from 'node:fs';

const events = readFileSync(process.argv[2], 'utf8').trim().split('\n').map((line) => {
  const [t, run, wait, ...what] = line.split(' ');
  return { t: Number(t), run: Number(run), wait: Number(wait), what: what.join(' ') };
});
const keys = [];
for (let i = 0; i < events.length; i++) {
  if (events[i].what !== 'key') continue;
  const frame = keys.length % 2 ? 'CONTAINER' : 'Keys';
  const seen = events.findIndex((e, j) => j > i && e.what.endsWith(frame));
  if (seen < 0) break;
  const [a, b] = [events[i], events[seen]];
  keys.push({ frame, readable: a.t, written: b.t, wall: b.t - a.t, run: b.run - a.run, wait: b.wait - a.wait });
}
const quantile = (xs, p) => [...xs].sort((x, y) => x - y)[Math.max(0, Math.ceil(p * xs.length) - 1)] ?? NaN;
const figure = (xs) => `p50 ${quantile(xs, 0.5).toFixed(1)}, p95 ${quantile(xs, 0.95).toFixed(1)} ms`;
for (const frame of ['Keys', 'CONTAINER']) {
  const ks = keys.filter((k) => k.frame === frame);
  console.log(`${frame === 'Keys' ? 'open help ' : 'close help'} (${ks.length} keys): wall ${figure(ks.map((k) => k.wall))}; CPU ${figure(ks.map((k) => k.run))}; run-queue wait ${figure(ks.map((k) => k.wait))}; asleep ${figure(ks.map((k) => k.wall - k.run - k.wait))}`);
}
if (process.argv[3]) {
  const sent = readFileSync(process.argv[3], 'utf8').trim().split('\n').map((line) => line.split(' ').map(Number));
  const split = keys.slice(0, sent.length).map((k, n) => ({ total: sent[n][1] - sent[n][0], toOpsdeck: k.readable - sent[n][0], inside: k.wall, toTerminal: sent[n][1] - k.written }));
  for (const part of ['total', 'toOpsdeck', 'inside', 'toTerminal']) console.log(`${part.padEnd(10)} ${figure(split.map((s) => s[part]))}`);
  const slow = split.filter((s) => s.total > 50);
  console.log(`over 50 ms: ${slow.length}; where the most of each went: ${slow.map((s) => ['toOpsdeck', 'inside', 'toTerminal'].reduce((a, b) => (s[a] >= s[b] ? a : b))).join(', ')}`);
}
