// `npm run bench`: starts a private Docker engine, drives the real bin/opsdeck in real
// pseudo-terminals (tmux, and bench/pty-drive.py for byte-exact timing), measures it from
// outside (/proc/PID/stat and status, bytes written to the pty) beside a peer run in the same
// loop, and prints one table. Run through bench/run.mjs, which bundles this file.
//   node bench/run.mjs [--idle 60] [--long] [--flood 60] [--pipe 30] [--starts 10] [--health 30]
//                      [--only start,idle,flood,pipe,health,kafka,stats,startup-variants] [--slices]
//                      [--sched-trace]
// BENCH_NODE_OPTIONS=... gives the cockpits under test NODE_OPTIONS (an --import hook that counts
// collections or samples the heap, a V8 flag to try) without touching bin/opsdeck.
// BENCH_START_BINS=... other builds' bin/opsdeck, comma-separated, that take turns in the start scenario.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createInterface, type Interface } from 'node:readline';
import { mkdtempSync, writeFileSync, readFileSync, existsSync, rmSync, mkdirSync, readdirSync, statSync, copyFileSync } from 'node:fs';
import { tmpdir, cpus, totalmem, loadavg, hostname } from 'node:os';
import { join, resolve } from 'node:path';
import Docker from 'dockerode';
import { startDockerd, importBusybox, BUSYBOX_IMAGE, type Dockerd } from '../test/harness/dockerd';
import { PROJECT_LABEL, SERVICE_LABEL } from '../src/docker/labels';
import { CgroupStats } from '../src/docker/cgroup-stats';
import { COCKPIT_SESSION, cpuGroupOf, intoGroup, makeSlices, PEERS_SESSION, removeSlices, SYSTEM_SLICE } from './cpu-slices';
import { processNamer, startSchedTrace, waitsOf, type Waits } from './sched-waits';

// ---------------------------------------------------------------- arguments
const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const num = (name: string, fallback: number) => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? Number(argv[at + 1]) : fallback;
};
const only = (() => {
  const at = argv.indexOf('--only');
  return at >= 0 ? new Set(argv[at + 1].split(',')) : undefined;
})();
const want = (name: string) => !only || only.has(name);
const IDLE_S = flag('long') ? 600 : num('idle', 60);
const FLOOD_S = num('flood', 60);
const PIPE_S = num('pipe', 30);
const STARTS = num('starts', 10);
const HEALTH_S = num('health', 30);
const STATS_S = num('stats-seconds', 30);
const SERVICES = 20;

const ROOT = resolve(process.env.OPSDECK_ROOT ?? process.cwd());
const NODE = join(ROOT, 'node_modules/.bin/node');
const OPSDECK = join(ROOT, 'bin/opsdeck');
const PTY = join(ROOT, 'bench/pty-drive.py');
const CACHE = join(ROOT, 'node_modules/.cache/opsdeck-bench');
const work = mkdtempSync(join(tmpdir(), 'opsdeck-bench-'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (...a: unknown[]) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${a.join(' ')}\n`);

// ---------------------------------------------------------------- figures
interface Row { scenario: string; figure: string; target: string; peer: string; verdict: string }
const rows: Row[] = [];
const raw: Record<string, unknown> = {};
const row = (scenario: string, figure: string, target: string, peer: string, ok: boolean | undefined) =>
  rows.push({ scenario, figure, target, peer, verdict: ok === undefined ? '—' : ok ? 'met' : 'MISSED' });
const quantile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] : NaN;
};
const median = (xs: number[]) => quantile(xs, 0.5);
const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : 'n/a');
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : 'n/a');
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

// ---------------------------------------------------------------- /proc
const TICK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
/** utime+stime of a process in ms (children not included). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICK;
}
function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}
/** The main thread's time on a core and waiting for one, in ms (/proc/PID/schedstat, ns-exact). */
function mainThreadTimes(pid: number): { ran: number; waited: number } {
  const [ran, waited] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ').map(Number);
  return { ran: ran / 1e6, waited: waited / 1e6 };
}
function parentOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (parentOf(Number(entry)) === pid) out.push(Number(entry));
    } catch { /* gone */ }
  }
  return out;
}
/** Resident memory by kind, in MB: anonymous (heaps, buffers) and file-backed (the node binary, libraries). */
function residentMemory(pid: number): Record<string, number> {
  const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN);
  const mbOf = (k: number) => Math.round(k / 102.4) / 10;
  return { rss: mbOf(kb('Rss')), anon: mbOf(kb('Anonymous')), file: mbOf(kb('Rss') - kb('Anonymous')) };
}
/** The main thread's time on a core and waiting for one, in ms (Linux schedstat: run ns, wait ns, slices). */
function mainThreadSched(pid: number): { run: number; wait: number } {
  const [run, wait] = readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ').map(Number);
  return { run: run / 1e6, wait: wait / 1e6 };
}

/** CPU and RSS sampled from outside, once per `everyMs`. */
function sampler(pid: number, everyMs = 1000) {
  const startCpu = cpuMs(pid);
  const startAt = performance.now();
  const rss: number[] = [rssBytes(pid)];
  const timer = setInterval(() => { try { rss.push(rssBytes(pid)); } catch { /* exited */ } }, everyMs);
  return {
    rss,
    stop() {
      clearInterval(timer);
      let cpu = NaN;
      try { cpu = cpuMs(pid) - startCpu; rss.push(rssBytes(pid)); } catch { /* exited */ }
      const wall = performance.now() - startAt;
      return { cpuPct: (cpu / wall) * 100, wallMs: wall, rssFirst: rss[0], rssLast: rss[rss.length - 1], rssMax: Math.max(...rss) };
    },
  };
}

// ---------------------------------------------------------------- the pty driver
interface Pty { pid: number; ask(req: Record<string, unknown>): Promise<any>; close(timeout?: number): Promise<any>; proc: ChildProcess }
async function openPty(args: string[], env: Record<string, string>, cols = 200, rows_ = 50, bin = OPSDECK): Promise<Pty> {
  const proc = spawn('python3', [PTY, String(cols), String(rows_), '--', bin, ...args], {
    env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'inherit'], cwd: work,
  });
  const lines: Interface = createInterface({ input: proc.stdout! });
  const waiting: ((v: any) => void)[] = [];
  lines.on('line', (l) => waiting.shift()?.(JSON.parse(l)));
  const next = () => new Promise<any>((r) => waiting.push(r));
  const started = await next();
  const ask = (req: Record<string, unknown>) => { const p = next(); proc.stdin!.write(`${JSON.stringify(req)}\n`); return p; };
  return {
    pid: started.pid, proc, ask,
    close: async (timeout = 5000) => {
      const p = proc.exitCode === null ? await ask({ op: 'close', data: 'q', timeout }) : undefined;
      proc.stdin!.end();
      return p;
    },
  };
}

// ---------------------------------------------------------------- tmux (pipe-pane for bytes, capture-pane for frames)
function openTmux(args: string[], env: Record<string, string>, cols: number, rows_: number, pipeTo: string) {
  const server = `opsdeck-bench-${process.pid}-${Math.random().toString(36).slice(2, 7)}`;
  const tmux = (...a: string[]) => execFileSync('tmux', ['-L', server, ...a], { encoding: 'utf8' });
  const pidFile = join(work, `${server}.pid`);
  const vars = Object.entries(env).map(([k, v]) => `${k}='${v}'`).join(' ');
  // Held until the pipe is attached, so the byte count starts with the first frame.
  const gate = join(work, `${server}.go`);
  const inner = `echo $$ > ${pidFile}; while [ ! -e ${gate} ]; do sleep 0.05; done; exec env ${vars} ${OPSDECK} ${args.join(' ')}`;
  tmux('new-session', '-d', '-s', 'main', '-x', String(cols), '-y', String(rows_), `sh -c "${inner.replace(/"/g, '\\"').replace(/\$\$/g, '\\$\\$')}"; sleep 600`);
  tmux('pipe-pane', '-O', '-t', 'main', `cat >> ${pipeTo}`);
  writeFileSync(gate, '');
  return {
    pid: () => Number(readFileSync(pidFile, 'utf8')),
    capture: () => tmux('capture-pane', '-p', '-e', '-t', 'main'),
    plain: () => tmux('capture-pane', '-p', '-t', 'main'),
    keys: (...k: string[]) => void tmux('send-keys', '-t', 'main', ...k),
    close: () => { try { tmux('kill-server'); } catch { /* gone */ } },
  };
}

// ---------------------------------------------------------------- the engine and containers
let dockerd: Dockerd | undefined;
let docker: Docker;
const peers: ChildProcess[] = [];
const ptys: Pty[] = [];
const tmuxes: { close(): void }[] = [];
let stopSchedTrace: (() => string) | undefined;

async function cleanup() {
  stopSchedTrace?.();
  for (const p of peers) if (p.exitCode === null) p.kill('SIGKILL');
  for (const p of ptys) if (p.proc.exitCode === null) { try { await p.close(); } catch { p.proc.kill('SIGKILL'); } }
  for (const t of tmuxes) t.close();
  if (dockerd) { await dockerd.stop().catch(() => undefined); dockerd = undefined; }
  if (flag('slices')) removeSlices();
  rmSync(work, { recursive: true, force: true, maxRetries: 3 });
}
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => void cleanup().finally(() => process.exit(130)));

/**
 * Once (2026-12-05) the engine never answered `rm -f` for flooding containers, and the run hung
 * after its figures. The scenario waits a minute, says so and moves on; cleanup stops the engine.
 */
async function removeFloodContainers(names: string[]) {
  const removed = Promise.all(names.map((n) => docker.getContainer(n).remove({ force: true }).catch(() => undefined)));
  const late = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), 60_000).unref());
  if ((await Promise.race([removed, late])) === 'late') log('the engine did not remove the flood containers within 60 s; going on (later scenarios may share the cores with them)');
}

const svc = (n: number) => `svc${String(n).padStart(2, '0')}`;
async function runService(project: string, service: string, cmd: string, binds: string[] = []) {
  const c = await docker.createContainer({
    Image: BUSYBOX_IMAGE, name: `${project}-${service}-1`, Cmd: ['sh', '-c', cmd], Tty: false,
    Labels: { [PROJECT_LABEL]: project, [SERVICE_LABEL]: service },
    HostConfig: { NetworkMode: 'none', Binds: binds, RestartPolicy: { Name: 'no' } },
  });
  await c.start();
  return c;
}
const dockerdPid = () => Number(readFileSync(join(dockerd!.dir, 'docker.pid'), 'utf8'));
const dockerCli = (...a: string[]) => execFileSync('docker', ['-H', dockerd!.host, ...a], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

function configFile(name: string, project: string, extra = ''): string {
  const file = join(work, `${name}.yaml`);
  writeFileSync(file, `project: ${project}\nrefresh: 1s\naudit:\n  path: ${join(work, 'audit.jsonl')}\n${extra}`);
  return file;
}
// --production: run opsdeck with NODE_ENV=production (React's production build) as an experiment.
const baseEnv = (): Record<string, string> => ({ ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}), DOCKER_HOST: dockerd!.host, TERM: 'xterm-256color', LANG: 'C.UTF-8', COLORTERM: '', XDG_STATE_HOME: join(work, 'state'), ...(flag('production') ? { NODE_ENV: 'production' } : {}) });

// ---------------------------------------------------------------- 1. start to first full frame
async function startToFirstFrame(project: string, names: string[]) {
  const cfg = configFile('start', project);
  // BENCH_START_BINS=a/bin/opsdeck,b/bin/opsdeck: other builds (git worktrees) take turns with
  // this one, start by start, so that the machine's load hits each alike.
  const bins = [OPSDECK, ...(process.env.BENCH_START_BINS ?? '').split(',').filter(Boolean)];
  const ours = bins.map(() => [] as number[]);
  const rssFirst = bins.map(() => [] as number[]);
  const ran = bins.map(() => [] as number[]);
  const waited = bins.map(() => [] as number[]);
  const theirs: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const t = performance.now();
    dockerCli('ps');
    theirs.push(performance.now() - t);
    for (const [b, bin] of bins.entries()) {
      const pty = await openPty(['-c', cfg], baseEnv(), 200, 50, bin);
      const seen = await pty.ask({ op: 'expect_all', strings: names, timeout: 10_000 });
      try {
        rssFirst[b].push(rssBytes(pty.pid));
        const times = mainThreadTimes(pty.pid);
        ran[b].push(times.ran);
        waited[b].push(times.waited);
      } catch { /* exited */ }
      await pty.close();
      if (!seen.ok) throw new Error(`start ${i} of ${bin}: first full frame not seen (missing ${seen.missing})`);
      ours[b].push(seen.at);
    }
  }
  raw.start = { opsdeck: ours[0], dockerPs: theirs, ...(bins.length > 1 ? { builds: Object.fromEntries(bins.map((bin, b) => [bin, ours[b]])) } : {}) };
  for (const [b, bin] of bins.entries()) {
    const which = b === 0 ? '' : ` — ${bin}`;
    log(`start${which}: opsdeck ${ours[b].map(f0).join(' ')} ms; docker ps ${theirs.map(f0).join(' ')} ms; main thread on a core ${ran[b].map(f0).join(' ')} ms`);
    row(`start to first full frame, ${SERVICES} services (200x50, ${STARTS} runs)${which}`,
      `median ${f0(median(ours[b]))} ms, p90 ${f0(quantile(ours[b], 0.9))} ms (RSS at first frame ${mb(median(rssFirst[b]))}; main thread by then: on a core ${f0(median(ran[b]))} ms, waiting for one ${f0(median(waited[b]))} ms)`, '≤ 400 ms',
      `docker ps: median ${f0(median(theirs))} ms, p90 ${f0(quantile(theirs, 0.9))} ms`, median(ours[b]) <= 400);
  }
}

/** Start-up experiments on copies of the bundle (the lead applies what pays). */
async function startupVariants(project: string, names: string[]) {
  const { build } = await import('esbuild');
  const dir = join(CACHE, 'variants');
  mkdirSync(dir, { recursive: true });
  const common = { entryPoints: [join(ROOT, 'src/cli/entry.ts')], bundle: true, platform: 'node' as const, format: 'esm' as const, target: 'node22', jsx: 'automatic' as const, logLevel: 'error' as const };
  const external = join(dir, 'external.mjs');
  const bundled = join(dir, 'bundled.mjs');
  await build({ ...common, outfile: external, packages: 'external' });
  // Everything inlined; native add-ons (ssh2's optional cpu-features) stay external. A require
  // shim lets CommonJS deps call require() inside the ESM bundle.
  const bundledOptions = {
    ...common, outfile: bundled, minifyWhitespace: true, external: ['cpu-features', '*.node', 'pg-native'],
    // ink imports react-devtools-core only when DEV=true; it is not installed.
    plugins: [{ name: 'stub-devtools', setup(b: import('esbuild').PluginBuild) {
      b.onResolve({ filter: /^react-devtools-core$/ }, (a: { path: string }) => ({ path: a.path, namespace: 'stub' }));
      b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default {};' }));
    } }],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url); const __dirname = import.meta.dirname; const __filename = import.meta.filename;" },
  } as any;
  await build(bundledOptions);
  // Code splitting: `import('./ui')` and the other per-command imports become chunks loaded on
  // use, so `opsdeck` does not load what only `lag`, `check` or runbooks need (esbuild hoists
  // every dependency to the top of a single-file bundle).
  const split = join(dir, 'split');
  const bundledSplit = join(dir, 'bundled-split');
  await build({ ...common, outdir: split, entryNames: 'opsdeck', splitting: true, packages: 'external' });
  await build({ ...bundledOptions, outfile: undefined, outdir: bundledSplit, entryNames: 'opsdeck', splitting: true });
  const cfg = configFile('variants', project);
  const cacheDir = join(work, 'compile-cache');
  const variants: [string, string, Record<string, string>][] = [
    ['as shipped (deps external)', external, {}],
    ['deps external + NODE_ENV=production', external, { NODE_ENV: 'production' }],
    ['deps external + NODE_COMPILE_CACHE', external, { NODE_COMPILE_CACHE: cacheDir }],
    ['code splitting (deps external, chunks loaded on use)', join(split, 'opsdeck.js'), {}],
    ['all deps bundled', bundled, {}],
    ['all deps bundled + NODE_COMPILE_CACHE', bundled, { NODE_COMPILE_CACHE: cacheDir }],
    ['all deps bundled + splitting + NODE_COMPILE_CACHE', join(bundledSplit, 'opsdeck.js'), { NODE_COMPILE_CACHE: cacheDir }],
    ['all deps bundled + NODE_ENV=production + NODE_COMPILE_CACHE', bundled, { NODE_ENV: 'production', NODE_COMPILE_CACHE: cacheDir }],
  ];
  const results: Record<string, number[]> = {};
  const rssAt: Record<string, number[]> = {};
  for (const [name] of variants) { results[name] = []; rssAt[name] = []; }
  // Interleaved, so load from other users hits every variant alike.
  for (let i = 0; i < STARTS; i++) {
    for (const [name, file, env] of variants) {
      const proc = spawn('python3', [PTY, '200', '50', '--', NODE, '--enable-source-maps', file, '-c', cfg], { env: { ...process.env, ...baseEnv(), ...env }, stdio: ['pipe', 'pipe', 'inherit'], cwd: work });
      const lines = createInterface({ input: proc.stdout! });
      const replies: any[] = [];
      const waiters: ((v: any) => void)[] = [];
      lines.on('line', (l) => { const v = JSON.parse(l); const w = waiters.shift(); if (w) w(v); else replies.push(v); });
      const next = () => (replies.length ? Promise.resolve(replies.shift()) : new Promise<any>((r) => waiters.push(r)));
      const { pid } = await next();
      proc.stdin!.write(`${JSON.stringify({ op: 'expect_all', strings: names, timeout: 10_000 })}\n`);
      const seen = await next();
      try { rssAt[name].push(rssBytes(pid)); } catch { /* exited */ }
      proc.stdin!.write(`${JSON.stringify({ op: 'close', data: 'q', timeout: 5000 })}\n`);
      await next();
      proc.stdin!.end();
      if (seen.ok) results[name].push(seen.at);
      else log(`variant ${name}: no full frame (missing ${seen.missing})`);
    }
  }
  raw.startupVariants = results;
  const base = median(results[variants[0][0]]);
  for (const [name] of variants) {
    const m = median(results[name]);
    log(`variant ${name}: ${results[name].map(f0).join(' ')}`);
    row(`experiment: start-up, ${name}`, `median ${f0(m)} ms, p90 ${f0(quantile(results[name], 0.9))} ms; RSS at first frame ${mb(median(rssAt[name]))}`, '≤ 400 ms',
      name === variants[0][0] ? 'baseline for the rows below' : `${f0(m - base)} ms vs baseline`, m <= 400);
  }
}

// ---------------------------------------------------------------- 2+3. idle: CPU, RSS, bytes
interface Cell { ch: string; sgr: string }
/** Splits capture-pane -e output into rows of cells with the SGR in effect. */
function parseScreen(text: string, cols: number): Cell[][] {
  return text.split('\n').map((line) => {
    const cells: Cell[] = [];
    let sgr = '';
    for (let i = 0; i < line.length;) {
      if (line[i] === '\x1b') {
        const m = /^\x1b\[[0-9;:]*m/.exec(line.slice(i, i + 64));
        if (m) { sgr = m[0] === '\x1b[0m' || m[0] === '\x1b[m' ? '' : sgr + m[0]; i += m[0].length; continue; }
      }
      const cp = line.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      cells.push({ ch, sgr });
      i += ch.length;
    }
    while (cells.length < cols) cells.push({ ch: ' ', sgr: '' });
    return cells;
  });
}
/**
 * Bytes a minimal renderer would send to turn screen `a` into `b`: per run of changed cells on
 * a row (runs closer than 8 cells merged), one cursor move (CSI row;col H) plus the cells with
 * their SGR changes and a reset at the end.
 */
function changedBytes(a: Cell[][], b: Cell[][]): { cells: number; bytes: number } {
  let cells = 0;
  let bytes = 0;
  for (let r = 0; r < b.length; r++) {
    const ra = a[r] ?? [];
    const rb = b[r];
    let c = 0;
    while (c < rb.length) {
      const same = (k: number) => ra[k] && ra[k].ch === rb[k].ch && ra[k].sgr === rb[k].sgr;
      if (same(c)) { c++; continue; }
      let end = c;
      let gap = 0;
      for (let k = c; k < rb.length; k++) {
        if (same(k)) { if (++gap > 8) break; } else { gap = 0; end = k; }
      }
      bytes += `\x1b[${r + 1};${c + 1}H`.length;
      let sgr = '';
      for (let k = c; k <= end; k++) {
        if (!same(k)) cells++;
        if (rb[k].sgr !== sgr) { bytes += (rb[k].sgr || '\x1b[0m').length; sgr = rb[k].sgr; }
        bytes += Buffer.byteLength(rb[k].ch);
      }
      if (sgr) bytes += 4;
      c = end + 1;
    }
  }
  return { cells, bytes };
}

/** Seconds of a long idle run counted as warm-up in the RSS row's second figure (one sample a second). */
const WARM_UP_S = 180;

async function idle(project: string, names: string[]) {
  const cols = 200, rows_ = 50;
  const cfg = configFile('idle', project);
  const bytesFile = join(work, 'idle.pty');
  writeFileSync(bytesFile, '');
  const statsFile = join(work, 'idle-stats.json');
  const profDir = join(work, 'idle-prof');
  const profEnv: Record<string, string> = flag('profile') ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profDir}` } : {};
  const term = openTmux(['-c', cfg], { ...baseEnv(), OPSDECK_BENCH_STATS: statsFile, ...profEnv }, cols, rows_, bytesFile);
  tmuxes.push(term);
  const deadline = Date.now() + 15_000;
  while (!names.every((n) => term.plain().includes(n))) {
    if (Date.now() > deadline) throw new Error(`idle: first frame not seen:\n${term.plain()}`);
    await sleep(100);
  }
  await sleep(5000); // settle: stats need two samples, uptime columns, the first refreshes
  const pid = term.pid();
  const load0 = loadavg()[0];
  const bytes0 = statSync(bytesFile).size;
  const stats0 = JSON.parse(readFileSync(statsFile, 'utf8'));
  const s = sampler(pid, 1000);
  // Frames: the screen as tmux holds it, read every 100 ms; distinct consecutive screens are frames.
  let prevText = term.capture();
  let prev = parseScreen(prevText, cols);
  let frames = 0, changedCells = 0, minimalBytes = 0, fullBytes = 0;
  const memory: unknown[] = [];
  const traceMemory = () => memory.push({ s: Math.round((performance.now() - t0) / 1000), ...residentMemory(pid), heap: JSON.parse(readFileSync(statsFile, 'utf8')).memory });
  const t0 = performance.now();
  traceMemory();
  let nextTrace = 30_000;
  const end = Date.now() + IDLE_S * 1000;
  while (Date.now() < end) {
    await sleep(100);
    if (performance.now() - t0 >= nextTrace) { traceMemory(); nextTrace += 30_000; }
    const text = term.capture();
    if (text === prevText) continue;
    const next = parseScreen(text, cols);
    const d = changedBytes(prev, next);
    frames++;
    changedCells += d.cells;
    minimalBytes += d.bytes;
    fullBytes += Buffer.byteLength(text) + 3; // + CSI H; every row as tmux would replay it
    prev = next;
    prevText = text;
  }
  const m = s.stop();
  const bytes = statSync(bytesFile).size - bytes0;
  const stats1 = JSON.parse(readFileSync(statsFile, 'utf8'));
  if (flag('profile')) { term.keys('q'); await sleep(3000); } // the profile is written on a clean exit
  term.close();
  const secs = m.wallMs / 1000;
  const renders = stats1.renders - stats0.renders;
  const rssGrowth = m.rssLast - m.rssFirst;
  log(`idle memory every 30 s (MB; anon/file from smaps_rollup; heap spaces [size, used]):\n${memory.map((x) => JSON.stringify(x)).join('\n')}`);
  raw.idleMemory = memory;
  if (flag('profile')) summariseProfile(profDir, 'idle');
  raw.idle = { ...m, bytes, frames, changedCells, minimalBytes, fullBytes, renders, renderMs: stats1.renderMs - stats0.renderMs, load0, load1: loadavg()[0] };
  log(`idle: ${JSON.stringify(raw.idle)}`);
  const label = `idle ${IDLE_S >= 600 ? '10 min (--long)' : `${IDLE_S} s`}, ${SERVICES} services, refresh 1 s`;
  row(`${label}: CPU`, `${f2(m.cpuPct)} % of one core (${renders} renders, ${f1(renders / secs)}/s, ${f2((stats1.renderMs - stats0.renderMs) / Math.max(1, renders))} ms each)`, '≤ 1 %', '—', m.cpuPct <= 1);
  // V8's memory reducer lets committed memory grow 10 MB before it shrinks the heap again, and the
  // first minutes are warm-up (bench/RESULTS.md): what a long run adds after them is shown beside
  // the target's figure, which stays the whole run's.
  const afterWarmUp = IDLE_S >= 2 * WARM_UP_S && s.rss.length > WARM_UP_S ? m.rssLast - s.rss[WARM_UP_S] : undefined;
  const warmUpNote = afterWarmUp === undefined ? '' : `; after the first ${WARM_UP_S} s: ${afterWarmUp >= 0 ? '+' : ''}${mb(afterWarmUp)}`;
  row(`${label}: RSS`, `${mb(m.rssFirst)} → ${mb(m.rssLast)} (growth ${mb(rssGrowth)}${warmUpNote}, max ${mb(m.rssMax)})`, 'growth < 5 MB', '—', rssGrowth < 5 * 1048576);
  const perSec = bytes / secs;
  row(`${label}: bytes to the terminal at 200x50`,
    `${f0(perSec)} B/s (${frames} screen changes, ${changedCells} cells changed; ${f1(bytes / Math.max(1, minimalBytes))}× the changed cells' ${f0(minimalBytes / secs)} B/s)`,
    '≤ 2 KB/s and ≤ 2× changed cells',
    `full re-render each frame: ${f0(fullBytes / secs)} B/s`, perSec <= 2048 && bytes <= 2 * minimalBytes);
}

// ---------------------------------------------------------------- 4+5. floods
/** Flood containers: wait for the flag file, then write numbered lines as fast as the engine takes them. */
async function floodContainers(project: string, seconds: number): Promise<{ names: string[]; go: () => void }> {
  const sig = mkdtempSync(join(work, `sig-${project}-`));
  const names: string[] = [];
  await Promise.all(Array.from({ length: SERVICES }, async (_, n) => {
    const service = svc(n + 1);
    names.push(`${project}-${service}-1`);
    await runService(project, service,
      // `yes` writes 8 KB at a time and blocks on the pipe, so the engine (not a shell loop
      // fighting it for the 2 cores) sets the pace.
      `while [ ! -e /sig/go ]; do sleep 0.05; done; exec timeout ${seconds} yes "${service} request handled status=200 bytes=5120 path=/v1/models/resnet50:predict"`,
      [`${sig}:/sig:ro`]);
  }));
  return { names: names.sort(), go: () => writeFileSync(join(sig, 'go'), '') };
}

/** `docker logs -f` of each container, counting lines as they arrive (the output goes nowhere else). */
function dockerLogsPeers(names: string[]) {
  let lines = 0;
  let bytes = 0;
  const procs = names.map((name) => {
    const p = spawn('docker', ['-H', dockerd!.host, 'logs', '-f', name], { stdio: ['ignore', 'pipe', 'pipe'] });
    const count = (chunk: Buffer) => { bytes += chunk.length; for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++; };
    p.stdout!.on('data', count);
    p.stderr!.on('data', count);
    peers.push(p);
    return p;
  });
  return { count: () => lines, bytes: () => bytes, procs, cpuMs: () => procs.reduce((sum, p) => { try { return sum + cpuMs(p.pid!); } catch { return sum; } }, 0) };
}

/** Lines the engine stored for these containers: the lines of their json-file logs. */
async function engineTotal(names: string[]): Promise<number> {
  let total = 0;
  for (const name of names) {
    const path = (await docker.getContainer(name).inspect()).LogPath;
    total += Number(execFileSync('sh', ['-c', `wc -l < "${path}"`], { encoding: 'utf8' }).trim());
  }
  return total;
}

async function flood() {
  const project = 'flood';
  const { names, go } = await floodContainers(project, FLOOD_S);
  const statsFile = join(work, 'flood-stats.json');
  const cfg = configFile('flood', project);
  const profDir = join(work, 'flood-prof');
  const profEnv: Record<string, string> = flag('profile') ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profDir} --cpu-prof-interval=500` } : {};
  const pty = await openPty(['-c', cfg], { ...baseEnv(), OPSDECK_BENCH_STATS: statsFile, ...profEnv });
  ptys.push(pty);
  const first = await pty.ask({ op: 'expect_all', strings: names, timeout: 15_000 });
  if (!first.ok) throw new Error(`flood: first frame not seen (missing ${first.missing})`);
  const peer = dockerLogsPeers(names);
  if (flag('slices')) {
    intoGroup(COCKPIT_SESSION, [pty.pid]);
    intoGroup(PEERS_SESSION, peer.procs.map((p) => p.pid!));
    const container: number = (await docker.getContainer(names[0]).inspect()).State.Pid;
    log(`flood --slices: cpu groups: opsdeck ${cpuGroupOf(pty.pid)}, a peer ${cpuGroupOf(peer.procs[0].pid!)}, dockerd ${cpuGroupOf(dockerdPid())}, a container ${cpuGroupOf(container)}, its shim ${cpuGroupOf(parentOf(container))}`);
  }
  await sleep(1500);
  const readStats = () => JSON.parse(readFileSync(statsFile, 'utf8'));
  const load0 = loadavg()[0];
  const s = sampler(pty.pid, 500);
  const peerCpu0 = peer.cpuMs();
  const atGo = readStats();
  const sched0 = mainThreadSched(pty.pid);
  const t0 = performance.now();
  go();
  const traced = flag('sched-trace') ? traceMainThreadWaits(pty.pid) : undefined;
  const latencies: number[] = [];
  let failedKeys = 0;
  const bytes0 = (await pty.ask({ op: 'stats' })).bytes;
  // Keys while the flood runs: ? opens the help (full screen), ? closes it (the table header is back).
  while (performance.now() - t0 < FLOOD_S * 1000 - 2000) {
    await sleep(700);
    for (const [data, expect] of [['?', 'Keys'], ['?', 'CONTAINER']]) {
      const r = await pty.ask({ op: 'key', data, expect, timeout: 5000 });
      if (r.ok) latencies.push(r.latency); else failedKeys++;
      await sleep(300);
    }
  }
  while (performance.now() - t0 < FLOOD_S * 1000) await sleep(50);
  const atEnd = readStats();
  const peerAtEnd = peer.count();
  const wallAtEnd = performance.now() - t0;
  const sched1 = mainThreadSched(pty.pid);
  const mainRunPct = ((sched1.run - sched0.run) / wallAtEnd) * 100;
  const mainWaitPct = ((sched1.wait - sched0.wait) / wallAtEnd) * 100;
  const bytes1 = (await pty.ask({ op: 'stats' })).bytes;
  const peerCpu = peer.cpuMs() - peerCpu0;
  const m = s.stop();
  const waits = await traced;
  const total = await engineTotal(names);
  const closed = await pty.close(30_000);
  log(`flood: q to exit ${closed?.killed ? `not within 30 s (${closed.killed === 'SIGTERM' ? 'SIGTERM ended it' : 'killed'})` : `${f0(closed?.quitMs)} ms`}`);
  raw.floodQuit = closed;
  const final = readStats();
  const threadMemory = existsSync(`${statsFile}.log-thread`) ? readFileSync(`${statsFile}.log-thread`, 'utf8') : 'none';
  log(`flood: log thread heap at the end (MB): ${threadMemory}`);
  if (flag('profile')) summariseProfile(profDir, 'flood');
  // opsdeck's counters are written once a second on its own clock: rate from its own timestamps.
  const oursRate = (atEnd.received - atGo.received) / ((atEnd.t - atGo.t) / 1000);
  const peerRate = peerAtEnd / (wallAtEnd / 1000);
  const ratio = oursRate / Math.max(1, peerRate);
  const recent: number[] = final.recentRenderMs ?? [];
  raw.flood = { atGo, atEnd: { ...atEnd, recentRenderMs: undefined }, peerAtEnd, wallAtEnd, total, latencies, failedKeys, ...m, peerCpuPct: (peerCpu / wallAtEnd) * 100, bytes: bytes1 - bytes0, load0, load1: loadavg()[0], mainRunPct, mainWaitPct, final: { ...final, recentRenderMs: undefined } };
  log(`flood: ${JSON.stringify(raw.flood)}`);
  const label = `log flood, ${SERVICES} containers, ${FLOOD_S} s`;
  row(`${label}: lines ingested`, `${f0(oursRate)} lines/s (${atEnd.received - atGo.received} lines) = ${f2(ratio)}×`,
    '≥ 0.9× docker logs -f', `20× docker logs -f: ${f0(peerRate)} lines/s (${peerAtEnd}), ${f0((peerCpu / wallAtEnd) * 100)} % CPU`, ratio >= 0.9);
  const accounted = final.received - final.dropped === final.kept;
  row(`${label}: every line shown or counted`, `received ${final.received} = kept ${final.kept} + counted as dropped ${final.dropped}${accounted ? '' : ' (DOES NOT ADD UP)'}; not yet read when the flood ended: ${total - atEnd.received} of the ${total} the engine stored`,
    'received = kept + dropped', `docker logs -f: ${total - peerAtEnd} not yet read`, accounted);
  row(`${label}: key press to frame`, `p50 ${f0(median(latencies))} ms, p95 ${f0(quantile(latencies, 0.95))} ms (${latencies.length} keys${failedKeys ? `, ${failedKeys} no frame in 5 s` : ''})`,
    'p95 ≤ 50 ms', `renders ${final.renders}, mean ${f1(final.renderMs / Math.max(1, final.renders))} ms, max ${f0(final.renderMax)} ms (p95 of last ${recent.length}: ${f1(quantile(recent, 0.95))} ms); main thread ran ${f1(mainRunPct)} % of a core and waited for one ${f1(mainWaitPct)} %`,
    quantile(latencies, 0.95) <= 50 && failedKeys === 0);
  if (waits) {
    raw.floodSchedWaits = waits;
    row(`${label}: where the main thread waited for a core (--sched-trace, ${SCHED_TRACE_S} s from ${SCHED_TRACE_AT_S} s)`,
      `${waits.count} waits, ${f0(waits.totalMs)} ms in all (it ran ${f0(waits.ranMs)} ms); ${waits.long} over 10 ms, p99 ${f1(waits.p99Ms)} ms, max ${f0(waits.maxMs)} ms`,
      '—', `on the cores during the waits over 10 ms (ms): ${waits.behind.slice(0, 6).map(([who, ms]) => `${who} ${f0(ms)}`).join(', ')}`, undefined);
  }
  row(`${label}: CPU and RSS`, `CPU ${f0(m.cpuPct)} % of one core; RSS max ${mb(m.rssMax)}; ${f0((bytes1 - bytes0) / (wallAtEnd / 1000) / 1024)} KB/s to the terminal`, 'RSS ≤ 200 MB', '—', m.rssMax <= 200 * 1048576);
  await removeFloodContainers(names);
  for (const p of peer.procs) p.kill('SIGKILL');
}

const SCHED_TRACE_AT_S = 20, SCHED_TRACE_S = 15;
/** --sched-trace: the kernel's scheduling events for a stretch of the flood, read for the main thread's waits. */
async function traceMainThreadWaits(pid: number): Promise<Waits | undefined> {
  await sleep(SCHED_TRACE_AT_S * 1000);
  try {
    stopSchedTrace = startSchedTrace();
  } catch (error) {
    log(`--sched-trace: tracefs not usable here (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  }
  await sleep(SCHED_TRACE_S * 1000);
  const trace = stopSchedTrace();
  stopSchedTrace = undefined;
  const waits = waitsOf(trace, pid, processNamer(new Map([[pid, 'opsdeck'], [process.pid, 'bench']])));
  log(`flood --sched-trace: ${JSON.stringify(waits)}`);
  return waits;
}

/** Self time by function from the .cpuprofile Node wrote at exit (--profile). */
function summariseProfile(dir: string, name: string) {
  if (!existsSync(dir)) return log(`${name}: no profile written`);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const prof = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const total = (prof.endTime - prof.startTime) / 1000;
    const per = total / Math.max(1, prof.samples.length);
    const self = new Map<string, number>();
    for (const node of prof.nodes) {
      const f = node.callFrame;
      const key = `${f.functionName || '(anon)'} ${String(f.url).replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\//, '')}:${f.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + node.hitCount * per);
    }
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
    const out = top.map(([k, ms]) => `${ms.toFixed(0).padStart(7)} ms ${(100 * ms / total).toFixed(1).padStart(5)} %  ${k}`).join('\n');
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(join(CACHE, `${name}-profile.txt`), `${file}: ${total.toFixed(0)} ms\n${out}\n`);
    copyFileSync(join(dir, file), join(CACHE, `${name}-${file.split('.').slice(-3, -1).join('.')}.cpuprofile`)); // thread.seq: a closer look after the run
    log(`${name} profile (${file}, ${total.toFixed(0)} ms):\n${out}`);
  }
}

async function pipeFollow() {
  const project = 'pipe';
  const { names, go } = await floodContainers(project, PIPE_S);
  const cfg = configFile('pipe', project);
  const ours = spawn(OPSDECK, ['-c', cfg, 'logs', '--follow'], { env: { ...process.env, ...baseEnv() }, stdio: ['ignore', 'pipe', 'inherit'], cwd: work });
  peers.push(ours);
  let lines = 0;
  ours.stdout!.on('data', (chunk: Buffer) => { for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++; });
  const peer = dockerLogsPeers(names);
  await sleep(2000);
  const s = sampler(ours.pid!, 1000);
  const peerCpu0 = peer.cpuMs();
  const t0 = performance.now();
  go();
  await sleep(PIPE_S * 1000);
  const oursAt = lines, peerAt = peer.count(), wall = performance.now() - t0;
  const peerCpu = peer.cpuMs() - peerCpu0;
  const m = s.stop();
  const total = await engineTotal(names);
  ours.kill('SIGTERM');
  for (const p of peer.procs) p.kill('SIGKILL');
  raw.pipe = { oursAt, peerAt, wall, oursDrained: lines, peerDrained: peer.count(), total, ...m, peerCpuPct: (peerCpu / wall) * 100 };
  log(`pipe: ${JSON.stringify(raw.pipe)}`);
  const ratio = oursAt / Math.max(1, peerAt);
  row(`opsdeck logs --follow, ${SERVICES} flooding services → pipe, ${PIPE_S} s`,
    `${f0(oursAt / (wall / 1000))} lines/s = ${f2(ratio)}× (CPU ${f0(m.cpuPct)} %, RSS max ${mb(m.rssMax)}; engine stored ${total})`,
    'ratio ≥ 1.0', `20× docker logs -f: ${f0(peerAt / (wall / 1000))} lines/s, ${f0((peerCpu / wall) * 100)} % CPU`, ratio >= 1.0);
  await removeFloodContainers(names);
}

// ---------------------------------------------------------------- stats: cgroup files vs one-shot polling vs one stream per container
async function statsCost(ids: string[]) {
  const enginePid = dockerdPid();
  const containerd = childrenOf(enginePid).filter((p) => { try { return readFileSync(`/proc/${p}/comm`, 'utf8').trim() === 'containerd'; } catch { return false; } });
  const engineCpu = () => [enginePid, ...containerd].reduce((sum, p) => sum + cpuMs(p), 0);
  const measure = async (run: (signal: AbortSignal) => Promise<number>) => {
    const abort = new AbortController();
    const e0 = engineCpu(), c0 = process.cpuUsage(), h0 = process.memoryUsage().heapUsed, t0 = performance.now();
    const samples = run(abort.signal);
    await sleep(STATS_S * 1000);
    abort.abort();
    const c = process.cpuUsage(c0);
    const wall = performance.now() - t0;
    const heap = process.memoryUsage().heapUsed - h0;
    return { client: ((c.user + c.system) / 1000 / wall) * 100, engine: ((engineCpu() - e0) / wall) * 100, samples: await samples, heap };
  };
  // One-shot requests at 1 s, 16 in flight, as src/docker/stats-poller.ts asks an engine it cannot read the cgroups of.
  /** Runs `tick` once a second until the measurement ends; the samples it took in all. */
  const eachSecond = async (signal: AbortSignal, tick: () => Promise<number> | number) => {
    let n = 0;
    while (!signal.aborted) {
      const started = Date.now();
      n += await tick();
      await sleep(Math.max(0, 1000 - (Date.now() - started)));
    }
    return n;
  };
  const oneShot = await measure((signal) => eachSecond(signal, async () => {
    let n = 0;
    const queue = [...ids];
    await Promise.all(Array.from({ length: 16 }, async () => {
      for (let id = queue.shift(); id; id = queue.shift()) { await docker.getContainer(id).stats({ stream: false, 'one-shot': true } as any); n++; }
    }));
    return n;
  }));
  await sleep(2000);
  const streamed = await measure(async (signal) => {
    let n = 0;
    await Promise.all(ids.map(async (id) => {
      const stream = (await docker.getContainer(id).stats({ stream: true, abortSignal: signal } as any)) as unknown as NodeJS.ReadableStream;
      stream.on('data', () => { n++; });
      await new Promise<void>((r) => { stream.on('end', r); stream.on('close', r); stream.on('error', () => r()); signal.addEventListener('abort', () => r()); });
    }));
    return n;
  });
  await sleep(2000);
  // The cgroup files of each container, read once a second, as src/docker/cgroup-stats.ts does for a local engine.
  const pids = await Promise.all(ids.map(async (id) => (await docker.getContainer(id).inspect()).State.Pid));
  const cgroups = new CgroupStats();
  const fromFiles = await measure((signal) => eachSecond(signal, () => ids.filter((id, k) => cgroups.sample(id, pids[k])).length));
  cgroups.close();
  raw.stats = { oneShot, streamed, fromFiles };
  log(`stats: ${JSON.stringify(raw.stats)}`);
  const cost = (m: typeof oneShot) => `client ${f2(m.client)} % + engine ${f2(m.engine)} % of a core (${f1(m.samples / STATS_S)} samples/s)`;
  row(`stats of ${ids.length} idle containers at 1 s, ${STATS_S} s: cgroup files (as shipped for a local engine)`, cost(fromFiles), 'the cheapest',
    `one-shot requests (a remote engine): ${cost(oneShot)}; one stream per container: ${cost(streamed)}`,
    fromFiles.samples > 0 && fromFiles.client + fromFiles.engine <= Math.min(oneShot.client + oneShot.engine, streamed.client + streamed.engine));
}

// ---------------------------------------------------------------- 6+7. the existing benchmarks
function runScript(args: string[], env: Record<string, string> = {}): string {
  return execFileSync(NODE, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'], timeout: 10 * 60_000 });
}
function health() {
  const out = runScript([join(ROOT, 'bench/health-probes.mjs'), '--targets', '500', '--interval', '1000', '--duration', String(HEALTH_S * 1000)]);
  log(out.trim());
  const p99 = Number(/p99 ([\d.]+) ms/.exec(out)?.[1]);
  const cpu = Number(/CPU ([\d.]+) % of one core/.exec(out)?.[1]);
  const runs = /runs (\d+) \((\d+)\/s/.exec(out);
  raw.health = out;
  row(`500 HTTP health targets at 1 s (bench/health-probes, ${HEALTH_S} s)`, `p99 lateness ${f1(p99)} ms, CPU ${f1(cpu)} % of a core (${runs?.[2]} probes/s)`,
    'p99 ≤ 50 ms, CPU ≤ 30 %', '—', p99 <= 50 && cpu <= 30);
}
async function kafka() {
  const { build } = await import('esbuild');
  const outfile = join(CACHE, 'kafka-lag.mjs');
  await build({ entryPoints: [join(ROOT, 'bench/kafka-lag.ts')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', logLevel: 'warning' });
  const out = runScript([outfile]);
  log(out.trim());
  const first = Number(/first poll (\d+) ms/.exec(out)?.[1]);
  const med = Number(/median (\d+) ms/.exec(out)?.[1]);
  raw.kafka = out;
  row('Kafka lag, 100 groups × 1,000 partitions (bench/kafka-lag)', `first poll ${first} ms, median of 5 ${med} ms`, 'one poll ≤ 1 s', '—', first <= 1000 && med <= 1000);
}

// ---------------------------------------------------------------- main
const began = new Date();
const loadStart = loadavg();
try {
  if (want('start') || want('startup-variants') || want('idle') || want('flood') || want('pipe') || want('stats')) {
    log('starting a private dockerd');
    mkdirSync(join(work, 'dockerd'));
    if (flag('slices')) makeSlices();
    dockerd = await startDockerd(join(work, 'dockerd'), flag('slices') ? [`--cgroup-parent=/${SYSTEM_SLICE}`] : []);
    if (flag('slices')) {
      const engine = dockerdPid();
      intoGroup(SYSTEM_SLICE, [engine, ...childrenOf(engine)]); // containerd; the shims it starts later follow it
    }
    importBusybox(dockerd.socket);
    docker = new Docker({ socketPath: dockerd.socket });
    const project = 'bench';
    const names: string[] = [];
    const ids: string[] = [];
    for (let n = 1; n <= SERVICES; n++) {
      const c = await runService(project, svc(n), 'trap "exit 0" TERM; sleep 86400 & wait');
      names.push(`${project}-${svc(n)}-1`);
      ids.push(c.id);
    }
    log(`${SERVICES} services up`);
    if (want('start')) await startToFirstFrame(project, names);
    if (want('startup-variants')) await startupVariants(project, names);
    if (want('idle')) await idle(project, names);
    if (want('stats')) await statsCost(ids);
    if (want('flood')) await flood();
    if (want('pipe')) await pipeFollow();
    await dockerd.stop();
    dockerd = undefined;
  }
  if (want('health')) health();
  if (want('kafka')) await kafka();
} catch (error) {
  log(`FAILED: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}

const node = execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim();
const header = `opsdeck bench — ${began.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${hostname()}: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${node}; load average at start ${loadStart.map(f2).join(' ')}, at end ${loadavg().map(f2).join(' ')}; idle ${IDLE_S} s${IDLE_S >= 600 ? ' (--long)' : ''}, flood ${FLOOD_S} s, pipe ${PIPE_S} s, ${STARTS} starts${flag('production') ? '; opsdeck run with NODE_ENV=production (--production)' : ''}${flag('slices') ? '; engine and user in two cgroups of equal CPU weight, as systemd places them (--slices)' : ''}`;
const esc = (s: string) => s.replace(/\|/g, '\\|');
const table = [
  '| scenario | figure | target | peer, same run | verdict |',
  '|---|---|---|---|---|',
  ...rows.map((r) => `| ${esc(r.scenario)} | ${esc(r.figure)} | ${esc(r.target)} | ${esc(r.peer)} | ${r.verdict} |`),
].join('\n');
process.stdout.write(`\n${header}\n\n${table}\n`);
mkdirSync(CACHE, { recursive: true });
writeFileSync(join(CACHE, 'last-run.json'), JSON.stringify({ header, rows, raw }, null, 2));
