// Benchmark: N HTTP health checks (default 500) at a 1 s interval through the real health
// source (scheduler, undici agent, JSON judging, status book, store), against servers in a
// child process. Prints start lateness p50/p95/p99/max, this process's CPU and event-loop delay.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { cpus } from 'node:os';
import { HealthSource } from '../src/health/health-source';
import { closeSharedAgent } from '../src/checks/http-agent';
import type { ConfiguredCheck } from '../src/health/config-schema';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const targets = arg('targets', 500);
const intervalMs = arg('interval', 1000);
const durationMs = arg('duration', 30_000);
const hanging = arg('hanging', 10);
const warmupMs = Math.max(2 * intervalMs, 3000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const serverScript = process.env.HEALTH_BENCH_SERVER ?? fileURLToPath(new URL('./health-bench-server.mjs', import.meta.url));
const server = spawn(process.execPath, [serverScript, String(targets)], { stdio: ['pipe', 'pipe', 'inherit'] });
const ports: number[] = JSON.parse(await new Promise<string>((resolve) => createInterface({ input: server.stdout! }).once('line', resolve)));

const checks: ConfiguredCheck[] = ports.map((port, i) => ({
  name: `target-${i}`, type: 'http', url: `http://127.0.0.1:${port}/${i < hanging ? 'hang' : 'health'}`, method: 'GET', headers: {},
  expect_status: [], max_redirects: 5, max_body_bytes: 1 << 20, json: ['status in [healthy, ok]', 'model_loaded == true'], fields: ['model_version'],
  interval: intervalMs, timeout: 800,
}));
const source = new HealthSource({ checks });
let renders = 0;
source.store.subscribe(() => { renders++; });
source.open();
await sleep(warmupMs);

const before = source.schedulerStats()!;
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const cpuStart = process.cpuUsage();
const wallStart = performance.now();
await sleep(durationMs);
const cpu = process.cpuUsage(cpuStart);
const wallMs = performance.now() - wallStart;
loop.disable();
const after = source.schedulerStats()!;
const book = source.store.get().book;
const states = new Map<string, number>();
for (const status of book.all().values()) states.set(status.state, (states.get(status.state) ?? 0) + 1);
await source.close();
await closeSharedAgent();
server.stdin!.end();

const runs = after.runs - before.runs;
const lateness = after.lateness.slice(-Math.min(runs, after.lateness.length)).sort((a, b) => a - b);
const q = (p: number) => lateness[Math.min(lateness.length - 1, Math.floor(p * lateness.length))] ?? NaN;
const cpuPct = ((cpu.user + cpu.system) / 1000 / wallMs) * 100;
const ms = (n: number) => `${n.toFixed(1)} ms`;
console.log(`health probes: ${targets} HTTP targets (${hanging} hanging), interval ${intervalMs} ms, measured ${(wallMs / 1000).toFixed(1)} s after ${warmupMs / 1000} s warm-up`);
console.log(`runs ${runs} (${(runs / (wallMs / 1000)).toFixed(0)}/s, expected ~${Math.round(targets * 1000 / intervalMs)}/s), skipped ${after.skipped - before.skipped}, abandoned ${after.abandoned - before.abandoned}`);
console.log(`start lateness p50 ${ms(q(0.5))}  p95 ${ms(q(0.95))}  p99 ${ms(q(0.99))}  max ${ms(lateness[lateness.length - 1] ?? NaN)}  (last ${lateness.length} runs)`);
console.log(`CPU ${cpuPct.toFixed(1)} % of one core (${(cpuPct / cpus().length).toFixed(1)} % of ${cpus().length} cores); event-loop delay p99 ${ms(loop.percentile(99) / 1e6)} max ${ms(loop.max / 1e6)}`);
console.log(`states ${[...states].map(([s, n]) => `${s} ${n}`).join(', ')}; store notifications ${renders}`);
process.exit(0);
