// Shared by the demo tests: start the demo stack under a ProcessSource, read metrics, list
// the processes that belong to a demo (by its scratch directory on their command line or env),
// and open `bin/opsdeck demo` in tmux.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTerminal, type Terminal } from './harness/tmux';
import { createStore } from '../src/store/store';
import { initialState, type AppState } from '../src/store/app-state';
import { LogFeed } from '../src/logs/log-feed';
import { ProcessSource } from '../src/process/process-source';
import { demoStack, type DemoStack } from '../src/demo/stack';

export interface RunningDemo { stack: DemoStack; source: ProcessSource; state: ReturnType<typeof createStore<AppState>>; feed: LogFeed; stop(): Promise<void> }

export async function startDemo(): Promise<RunningDemo> {
  const stack = await demoStack({ rate: 10 });
  const state = createStore<AppState>(initialState('local processes'));
  const feed = new LogFeed(2000, 10);
  const source = new ProcessSource(stack.services, state, feed, { project: 'demo', statsMs: 500 });
  source.open();
  await source.ready();
  return { stack, source, state, feed, stop: async () => { await source.close(); stack.dispose(); } };
}

export async function metric(url: string, name: string): Promise<number | undefined> {
  const text = await (await fetch(url)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return line ? Number(line.split(' ').at(-1)) : undefined;
}

/** Pids of live (non-zombie) processes whose command line or environment mentions `marker` (or only the environment). */
export function processesWith(marker: string, where: 'cmdline or env' | 'env' = 'cmdline or env'): number[] {
  const out: number[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) continue;
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const env = readFileSync(`/proc/${pid}/environ`, 'utf8');
      if ((where !== 'env' && cmd.includes(marker)) || env.includes(marker)) out.push(Number(pid));
    } catch { /* gone, or not ours to read */ }
  }
  return out;
}

export async function until<T>(what: string, fn: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await fn();
      if (value !== undefined && value !== false) return value as T;
    } catch (error) { last = error; }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
}

/** `bin/opsdeck demo ARGS` in a private tmux, with a UTF-8 colour terminal and a state dir of its own. */
export function openDemoTerminal(args: string[], env: Record<string, string> = {}, size?: { columns: number; rows: number }): Terminal {
  const state = mkdtempSync(join(tmpdir(), 'opsdeck-demo-state-'));
  return openTerminal(['demo', ...args], { LANG: 'en_US.UTF-8', TERM: 'xterm-256color', XDG_STATE_HOME: state, ...env }, size);
}
