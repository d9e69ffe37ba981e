// Micro-benchmark of the cockpit's frames, steady enough to compare two builds on a busy machine
// (the pty benchmarks swing ±30 % here). The App at 200x50 with 20 containers, rendered by Ink
// with this repo's dependency patches (bundled as dist/ is) through the screen-diffing stdout into
// a fake terminal. Three kinds of frame, each repeated:
//   uptime tick  every container's age moves on (what an idle cockpit draws every 2 s)
//   log batch    200 new log lines (what a flood draws 10 times a second)
//   help         ? opens the help over the whole screen, ? closes it (every line new)
//   help, flood  the same while 400 log lines land under the open help (as in the bench's flood):
//                closing it draws the panes with all their log lines new
//   open, close  as help, flood, and the CPU from the opening (closing) key to its frame
// Prints, per kind: ms per frame (Ink's onRender), CPU ms per frame, GC per frame, and CPU per
// round (a help round is one key; a flood round two, open and close).
//   npm run bench:frames  (node bench/frame-micro.mjs [node flags]; ROUNDS=n, ONLY=log|uptime|help|open|close, GAP_MS=n,
//   KEY_WINDOWS=file with --cpu-prof: where each timed key ran, for bench/key-profile.mjs to cut the profile down to the keys)
import React from 'react';
import { render } from 'ink';
import { PerformanceObserver } from 'node:perf_hooks';
import { writeFileSync } from 'node:fs';
import { App } from '../views/App';
import { CockpitContext } from '../views/context';
import { initialUi } from '../views/ui-state';
import { diffingTerminal } from '../src/terminal/diffing-stdout';
import { cockpitWith, instance } from '../test/harness/cockpit';
import { KeyboardStdin } from '../test/harness/ink';
import { FakeTerminal } from '../test/harness/diffed-ink';
import { makeLine } from '../src/logs/line';

const ROUNDS = Number(process.env.ROUNDS ?? 200);
/** ONLY=log (or uptime, help) times one kind of frame: to profile it alone. */
const ONLY = process.env.ONLY;
/** GAP_MS=2000 spaces the timed frames as the idle cockpit's are (caches and JIT go cold between them). */
const GAP_MS = Number(process.env.GAP_MS ?? 5);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const started = Date.now();
const cockpit = cockpitWith(Array.from({ length: 20 }, (_, n) => instance({ service: `svc${String(n + 1).padStart(2, '0')}`, startedAt: started - 65_000 - n * 300 })));
const term = new FakeTerminal(200, 50);
const stdin = new KeyboardStdin();
let renderMs = 0, frames = 0;
let gcMs = 0, gcs = 0;
new PerformanceObserver((list) => { for (const e of list.getEntries()) { gcMs += e.duration; gcs++; } }).observe({ entryTypes: ['gc'] });
const app = render(<CockpitContext.Provider value={cockpit}><App initial={initialUi()} /></CockpitContext.Provider>, {
  ...diffingTerminal(term as never, term as never), stdin: stdin as never, incrementalRendering: true, exitOnCtrlC: false, patchConsole: false,
  maxFps: 1000, interactive: true, onRender: ({ renderTime }) => { renderMs += renderTime; frames++; },
});

let seq = 0;
const logBatch = () => cockpit.feed.push(Array.from({ length: 200 }, (_, i) => {
  const service = `svc${String((i % 20) + 1).padStart(2, '0')}`;
  return makeLine({ seq: ++seq, ts: Date.now() * 1000 + i, service, container: `ml-${service}-1`, stream: 'stdout', text: `${service} request handled status=200 bytes=5120 path=/v1/models/resnet50:predict seq=${seq}`, truncatedBytes: 0 });
}));
const ageTick = (n: number) => cockpit.state.set((s) => ({ ...s, instances: s.instances.map((i) => ({ ...i, startedAt: i.startedAt! - 2000 * (n + 1) })) }));

/** CPU ms from a key to the frame it causes (the frames counter moving on). */
const keyCpu: number[] = [];
/** KEY_WINDOWS=file writes each timed key's [start, end] in µs of the monotonic clock, as CPU profiles stamp samples. */
const keyWindows: [number, number][] = [];
async function timedKey(key: string) {
  const cpu0 = process.cpuUsage(), f0 = frames, at = process.hrtime.bigint() / 1000n;
  stdin.write(key);
  while (frames === f0) await new Promise((r) => setImmediate(r));
  keyWindows.push([Number(at), Number(process.hrtime.bigint() / 1000n)]);
  const cpu = process.cpuUsage(cpu0);
  keyCpu.push((cpu.user + cpu.system) / 1000);
}

async function measure(name: string, step: (n: number) => void | Promise<void>) {
  for (let n = 0; n < 20; n++) { await step(n); await sleep(5); term.written.length = 0; } // warm up
  await sleep(50);
  keyCpu.length = 0; keyWindows.length = 0;
  const f0 = frames, r0 = renderMs, g0 = gcMs, c0 = gcs, cpu0 = process.cpuUsage();
  // What reached the terminal is dropped as it comes: kept, it would be old-space work the frames did not cause.
  for (let n = 0; n < ROUNDS; n++) { await step(n); await sleep(GAP_MS); term.written.length = 0; }
  await sleep(50);
  const cpu = process.cpuUsage(cpu0);
  const k = frames - f0;
  console.log(`${name.padEnd(12)} ${k} frames: ${((renderMs - r0) / k).toFixed(2)} ms render, ${((cpu.user + cpu.system) / 1000 / k).toFixed(2)} ms CPU, GC ${((gcMs - g0) / k).toFixed(2)} ms (${((gcs - c0) / k).toFixed(2)} collections) per frame; ${((cpu.user + cpu.system) / 1000 / ROUNDS).toFixed(2)} ms CPU a round${keyCpu.length ? `; the key: CPU p50 ${pick(keyCpu, 0.5).toFixed(2)}, p95 ${pick(keyCpu, 0.95).toFixed(2)} ms` : ''}`);
}

function pick(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const kinds: Record<string, (n: number) => void | Promise<void>> = {
  'uptime tick': (n) => ageTick(n),
  'log batch': async () => { logBatch(); await sleep(60); },
  help: () => stdin.write('?'),
  'help, flood': async () => { stdin.write('?'); await sleep(20); logBatch(); logBatch(); await sleep(120); stdin.write('?'); },
  open: async () => { logBatch(); await sleep(20); await timedKey('?'); await sleep(20); logBatch(); await sleep(120); stdin.write('?'); },
  close: async () => { stdin.write('?'); await sleep(20); logBatch(); logBatch(); await sleep(120); await timedKey('?'); },
};
await sleep(300);
for (const [name, step] of Object.entries(kinds)) if (!ONLY || name.startsWith(ONLY)) await measure(name, step);
app.unmount();
if (process.env.KEY_WINDOWS) writeFileSync(process.env.KEY_WINDOWS, JSON.stringify(keyWindows));
process.exit(0);
