// --sched-trace: what holds the cores while opsdeck's main thread waits for one. Records the
// kernel's sched_switch and sched_wakeup events (tracefs; root) for a stretch of the flood, then
// finds each time the main thread was woken or preempted and had to wait to run again, and sums
// what ran on every core meanwhile, by process. schedstat says how long it waited; this says behind whom.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const TRACING = '/sys/kernel/tracing';
const EVENTS = ['sched/sched_switch', 'sched/sched_wakeup'];
const put = (file: string, value: string) => writeFileSync(`${TRACING}/${file}`, value);

/** Starts recording; the returned function stops and gives the trace text. Throws where tracefs cannot be used. */
export function startSchedTrace(): () => string {
  if (!existsSync(`${TRACING}/trace`)) execFileSync('mount', ['-t', 'tracefs', 'nodev', TRACING]);
  const bufferKb = readFileSync(`${TRACING}/buffer_size_kb`, 'utf8').trim().replace(/\D.*$/, '');
  put('tracing_on', '0');
  put('trace', '');
  put('buffer_size_kb', '65536'); // per core: ~20 s of a flood's switches
  for (const event of EVENTS) put(`events/${event}/enable`, '1');
  put('tracing_on', '1');
  return () => {
    put('tracing_on', '0');
    const text = readFileSync(`${TRACING}/trace`, 'utf8');
    for (const event of EVENTS) put(`events/${event}/enable`, '0');
    put('trace', '');
    put('buffer_size_kb', bufferKb || '1408');
    return text;
  };
}

export interface Waits {
  count: number;
  totalMs: number;
  ranMs: number;
  p99Ms: number;
  maxMs: number;
  /** Waits over 10 ms, and what ran on all cores during them (ms, by process), most first. */
  long: number;
  behind: [string, number][];
}

const LINE = /\[(\d+)\] \S+ ([\d.]+): (sched_switch|sched_wakeup): (.*)$/;
const SWITCH = /prev_pid=(\d+) .*prev_state=(\S+) ==> .*next_pid=(\d+)/;

/** The waits of thread `tid` in a trace; `name` labels a thread id by its process. */
export function waitsOf(trace: string, tid: number, name: (tid: number) => string): Waits {
  const running = new Map<number, { tid: number; since: number }>();
  const waits: { ms: number; behind: Map<number, number> }[] = [];
  let since: number | undefined, behind = new Map<number, number>(), ran = 0, inAt: number | undefined;
  for (const line of trace.split('\n')) {
    const m = LINE.exec(line);
    if (!m) continue;
    const cpu = Number(m[1]), t = Number(m[2]) * 1000;
    if (m[3] === 'sched_wakeup') {
      if (since === undefined && Number(/ pid=(\d+)/.exec(m[4])?.[1]) === tid) { since = t; behind = new Map(); }
      continue;
    }
    const s = SWITCH.exec(m[4]);
    if (!s) continue;
    const [prev, state, next] = [Number(s[1]), s[2], Number(s[3])];
    const was = running.get(cpu);
    if (since !== undefined && was) behind.set(was.tid, (behind.get(was.tid) ?? 0) + t - Math.max(was.since, since));
    running.set(cpu, { tid: next, since: t });
    if (prev === tid && inAt !== undefined) {
      ran += t - inAt;
      if (state.startsWith('R')) { since = t; behind = new Map(); }
    }
    if (next === tid) {
      inAt = t;
      if (since !== undefined) waits.push({ ms: t - since, behind });
      since = undefined;
    }
  }
  const sorted = waits.map((w) => w.ms).sort((a, b) => a - b);
  const long = waits.filter((w) => w.ms > 10);
  const byProcess = new Map<string, number>();
  for (const w of long) {
    for (const [who, ms] of w.behind) byProcess.set(name(who), (byProcess.get(name(who)) ?? 0) + ms);
  }
  return {
    count: waits.length,
    totalMs: sorted.reduce((a, b) => a + b, 0),
    ranMs: ran,
    p99Ms: sorted[Math.floor(0.99 * (sorted.length - 1))] ?? 0,
    maxMs: sorted[sorted.length - 1] ?? 0,
    long: long.length,
    behind: [...byProcess].sort((a, b) => b[1] - a[1]),
  };
}

/** Names a thread by its process (read from /proc while it lives): `label` for the ones the bench knows. */
export function processNamer(label: Map<number, string>): (tid: number) => string {
  const cache = new Map<number, string>();
  return (tid) => {
    if (tid === 0) return 'idle';
    let name = cache.get(tid);
    if (name) return name;
    try {
      const tgid = Number(/^Tgid:\s+(\d+)/m.exec(readFileSync(`/proc/${tid}/status`, 'utf8'))?.[1]);
      const thread = readFileSync(`/proc/${tid}/comm`, 'utf8').trim();
      name = label.has(tgid) ? `${label.get(tgid)} (${thread})` : readFileSync(`/proc/${tgid}/comm`, 'utf8').trim();
    } catch {
      name = 'exited';
    }
    cache.set(tid, name);
    return name;
  };
}
