// Per-key figures from a bench/key-trace.mjs file of the flood run, whose keys alternate:
// ? opens the help (its frame has "Keys"), ? closes it (the table's "CONTAINER" is back). For
// each, from stdin readable to the write of that frame: wall time, the main thread's CPU, its
// wait on the run queue (runnable, not running), and the rest (asleep: timers, GC helpers).
// Given the PTY_TRACE file of the same run too, it splits each key as the terminal saw it: key
// written to stdin readable in opsdeck, inside opsdeck, frame written to frame seen.
//   PTY_TRACE=/tmp/pty.trace OPSDECK_KEY_TRACE=/tmp/keys.trace BENCH_NODE_OPTIONS=... node bench/run.mjs --only flood
//   node bench/key-trace-summary.mjs /tmp/keys.trace [/tmp/pty.trace [--windows /tmp/keys.json]]
// With OPSDECK_KEY_TRACE_GC=1 in the run, each key over 50 ms shows the collections it overlapped.
// --windows writes each key's [readable, written] in the clock of --cpu-prof profiles, for
// bench/key-profile.mjs to cut a flood run's profile down to its keys.
import { readFileSync, writeFileSync } from 'node:fs';

const [traceFile, ptyFile, windowsFlag, windowsFile] = process.argv.slice(2);
const all = readFileSync(traceFile, 'utf8').trim().split('\n').map((line) => {
  const [t, run, wait, ...what] = line.split(' ');
  return { t: Number(t), run: Number(run), wait: Number(wait), what: what.join(' ') };
});
// Collections are logged when reported, out of order; the clock line maps wall time to a profile's.
const collections = all.filter((e) => e.what.startsWith('gc ')).map((e) => ({ t: e.t, kind: e.what.split(' ')[1], ms: Number(e.what.split(' ')[2]) }));
const clock = all.find((e) => e.what.startsWith('clock '));
const events = all.filter((e) => !e.what.startsWith('gc ') && e !== clock);
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
if (windowsFlag === '--windows' && clock) {
  const profileUs = (t) => Number(clock.what.split(' ')[1]) + (t - clock.t) * 1000;
  writeFileSync(windowsFile, JSON.stringify(keys.map((k) => [profileUs(k.readable), profileUs(k.written)])));
}
const overlapping = (from, to) => collections.filter((c) => c.t < to && c.t + c.ms > from);
if (ptyFile) {
  const sent = readFileSync(ptyFile, 'utf8').trim().split('\n').map((line) => line.split(' ').map(Number));
  const split = keys.slice(0, sent.length).map((k, n) => ({ from: sent[n][0], to: sent[n][1], total: sent[n][1] - sent[n][0], toOpsdeck: k.readable - sent[n][0], inside: k.wall, toTerminal: sent[n][1] - k.written }));
  for (const part of ['total', 'toOpsdeck', 'inside', 'toTerminal']) console.log(`${part.padEnd(10)} ${figure(split.map((s) => s[part]))}`);
  const slow = split.filter((s) => s.total > 50);
  console.log(`over 50 ms: ${slow.length}; where the most of each went: ${slow.map((s) => ['toOpsdeck', 'inside', 'toTerminal'].reduce((a, b) => (s[a] >= s[b] ? a : b))).join(', ')}`);
  if (collections.length) {
    for (const s of slow) console.log(`  ${s.total.toFixed(1)} ms: collections ${overlapping(s.from, s.to).map((c) => `${c.kind} ${c.ms.toFixed(1)} ms`).join(', ') || 'none'}`);
  }
}
