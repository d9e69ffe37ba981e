// The process runtime on plain commands: dependency order with health, restart on crash with a
// growing backoff, ordered shutdown with SIGKILL after the grace, stats from /proc, the runbook
// ContainerRuntime, and no child left behind, even when the parent is SIGKILLed.
import { describe, it, expect, afterEach } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { createStore } from '../src/store/store';
import { initialState, type AppState } from '../src/store/app-state';
import { LogFeed } from '../src/logs/log-feed';
import { ProcessSource } from '../src/process/process-source';
import { ProcessRuntime } from '../src/process/process-runtime';
import { defineService, type ServiceDef } from '../src/process/config-schema';
import { freePorts } from '../src/demo/stack';
import { processesWith, until } from './demo-helpers';

const node = process.execPath;
const dir = mkdtempSync(join(tmpdir(), 'opsdeck-proc-'));
const trace = join(dir, 'trace');
const server = (port: number, name: string) => [node, '-e',
  `require('fs').appendFileSync(${JSON.stringify(trace)}, 'start ${name} ' + Date.now() + '\\n');
   process.on('SIGTERM', () => { require('fs').appendFileSync(${JSON.stringify(trace)}, 'term ${name}\\n'); process.exit(0); });
   setTimeout(() => require('net').createServer().listen(${port}, '127.0.0.1'), 300);`];
let sources: ProcessSource[] = [];

function open(defs: ServiceDef[]) {
  const state = createStore<AppState>(initialState('local processes'));
  const feed = new LogFeed(500, 5);
  const source = new ProcessSource(defs, state, feed, { statsMs: 300 });
  sources.push(source);
  source.open();
  return { source, state, feed };
}

afterEach(async () => { await Promise.all(sources.map((s) => s.close())); sources = []; });

describe('process runtime', () => {
  it('starts in dependency order, each after what it depends on is healthy', async () => {
    const [a, b] = await freePorts(2);
    const { source, state } = open([
      defineService('web', { command: server(b, 'web'), depends_on: ['db'], health: { tcp: `127.0.0.1:${b}`, interval: '100ms' } }),
      defineService('db', { command: server(a, 'db'), health: { tcp: `127.0.0.1:${a}`, interval: '100ms' } }),
    ]);
    await source.ready();
    const starts = readFileSync(trace, 'utf8').split('\n').filter((l) => l.startsWith('start')).map((l) => l.split(' '));
    expect(starts.map((s) => s[1])).toEqual(['db', 'web']);
    expect(Number(starts[1][2]) - Number(starts[0][2])).toBeGreaterThanOrEqual(250); // db's port opens after 300 ms
    expect(state.get().instances.map((i) => `${i.name}:${i.state}:${i.health}`)).toEqual(['db:running:healthy', 'web:running:healthy']);
    await source.close();
    expect(readFileSync(trace, 'utf8').split('\n').filter((l) => l.startsWith('term'))).toEqual(['term web', 'term db']);
  });

  it('restarts a crashing service with a doubling backoff and counts the restarts', async () => {
    const { source, state, feed } = open([defineService('flaky', { command: [node, '-e', 'console.log("boom"); process.exit(3)'], backoff: { min: '100ms', max: '2s' } })]);
    await until('3 restarts', () => (state.get().instances[0]?.restarts ?? 0) >= 3, 5000);
    feed.flush();
    const notes = feed.store.toArray().filter((l) => l.plain.includes('[opsdeck]')).map((l) => /restarting in (\d+) ms/.exec(l.plain)?.[1]);
    expect(notes.slice(0, 3)).toEqual(['100', '200', '400']);
    expect(feed.store.toArray().some((l) => l.plain === 'boom' && l.stream === 'stdout')).toBe(true);
    await source.stop('flaky');
    // Stopped mid-backoff it keeps its exit code 3; caught running it ends by SIGTERM (143).
    // Either way it stays down: a stop is not a crash to restart from.
    expect(state.get().instances[0].state).toBe('exited');
    expect([3, 143]).toContain(state.get().instances[0].exitCode);
    const restarts = state.get().instances[0].restarts;
    await new Promise((r) => setTimeout(r, 500));
    expect(state.get().instances[0]).toMatchObject({ state: 'exited', restarts });
  });

  it('stops with SIGTERM, then SIGKILL after the grace, taking the whole process group', async () => {
    const marker = `stubborn-${Date.now()}`;
    const { source, state } = open([defineService('stubborn', {
      command: ['sh', '-c', `trap "" TERM; sleep 300 & node -e "process.on('SIGTERM',()=>{}); setInterval(()=>{},1000)" ${marker}; wait`], stop_grace: '300ms',
    })]);
    await until('running', () => processesWith(marker).length > 0);
    const started = Date.now();
    await source.stop('stubborn');
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(processesWith(marker)).toEqual([]);
    expect(state.get().instances[0].state).toBe('exited');
  });

  it('reports CPU and memory from /proc, and acts as the runbook ContainerRuntime', async () => {
    const { source, state } = open([defineService('busy', { command: [node, '-e', 'for(;;){}'], env: { ANSWER: '42' }, cwd: dir })]);
    const stats = await until('cpu', () => (state.get().stats.get('busy')?.cpuPercent ?? 0) > 20 && state.get().stats.get('busy'));
    expect(stats.memBytes).toBeGreaterThan(1_000_000);
    const runtime = new ProcessRuntime(source);
    expect(await runtime.findService('busy')).toEqual(['busy']);
    expect(await runtime.exec('busy', ['sh', '-c', 'echo $ANSWER $(pwd)'])).toEqual({ exitCode: 0, output: `42 ${dir}` });
    await runtime.recreate('busy', { ANSWER: '43' });
    expect((await runtime.inspect('busy'))).toMatchObject({ state: 'running', env: { ANSWER: '43' } });
  });

  it('leaves no child behind when the parent is SIGKILLed, even children that ignore their stdin', async () => {
    const out = join(dir, 'parent.mjs');
    await build({ entryPoints: ['test/process-parent-fixture.ts'], outfile: out, bundle: true, platform: 'node', format: 'esm', logLevel: 'error',
      banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" } });
    const marker = `orphan-check-${Date.now()}`;
    const specs = {
      deaf: { command: ['sh', '-c', `sleep 300 & sleep 301; echo ${marker}`], env: { MARK: marker } },
      listener: { command: [node, '-e', 'process.stdin.on("end",()=>process.exit(0)); process.stdin.resume()'], env: { MARK: marker } },
    };
    const parent = spawn(node, [out, JSON.stringify(specs)], { stdio: ['ignore', 'pipe', 'inherit'] });
    const ready = await new Promise<string>((resolve) => parent.stdout.on('data', (d: Buffer) => d.toString().startsWith('ready') && resolve(d.toString())));
    expect(processesWith(marker).length).toBeGreaterThanOrEqual(3);
    parent.kill('SIGKILL');
    await until('every child gone', () => processesWith(marker).length === 0, 8000);
    const reaper = Number(ready.split(' ')[1]);
    await until('the reaper gone', () => { try { process.kill(reaper, 0); return false; } catch { return true; } }, 5000);
  });

  it('quitting while the stack still starts leaves no dependent started behind', async () => {
    const [a, b] = await freePorts(2);
    const { source } = open([
      defineService('late-web', { command: server(b, 'late-web'), depends_on: ['late-db'], health: { tcp: `127.0.0.1:${b}`, interval: '100ms' } }),
      defineService('late-db', { command: server(a, 'late-db'), health: { tcp: `127.0.0.1:${a}`, interval: '100ms' } }),
    ]);
    await until('late-db started', () => readFileSync(trace, 'utf8').includes('start late-db'));
    await source.close();
    // late-db would turn healthy ~300 ms after its start; late-web must not start once closing began.
    await new Promise((r) => setTimeout(r, 800));
    expect(readFileSync(trace, 'utf8')).not.toContain('start late-web');
    expect(processesWith('late-web')).toEqual([]);
  });

});
