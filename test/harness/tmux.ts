// Drives the real bin/opsdeck in a real terminal: a private tmux server, keys sent with
// send-keys, the screen read with capture-pane.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

export interface Terminal {
  dir: string;
  screen(): string;
  keys(...keys: string[]): void;
  resize(columns: number, rows: number): void;
  display(format: string): string;
  waitForScreen(predicate: (screen: string) => boolean, what: string, timeoutMs?: number): Promise<string>;
  /** The pid of opsdeck itself (the wrapper execs into it). */
  pid(): number;
  /** What `stty -a` said after opsdeck ended. */
  sttyAfter(): Promise<string>;
  close(): void;
}

export function openTerminal(args: string[], env: Record<string, string>, size = { columns: 80, rows: 24 }): Terminal {
  const dir = mkdtempSync(join(tmpdir(), 'opsdeck-tmux-'));
  const server = `opsdeck-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const tmux = (...a: string[]) => execFileSync('tmux', ['-L', server, ...a], { encoding: 'utf8' });
  const vars = Object.entries(env).map(([k, v]) => `${k}='${v}'`).join(' ');
  const inner = `echo $$ > ${dir}/pid; exec env ${vars} ${process.cwd()}/bin/opsdeck ${args.join(' ')}`;
  const outer = `sh -c "${inner.replace(/"/g, '\\"').replace(/\$\$/g, '\\$\\$')}"; echo "EXIT:$?"; stty -a > ${dir}/stty; sleep 600`;
  tmux('new-session', '-d', '-s', 'main', '-x', String(size.columns), '-y', String(size.rows), outer);
  const screen = () => tmux('capture-pane', '-p', '-t', 'main');
  const waitForScreen = async (predicate: (s: string) => boolean, what: string, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const now = screen();
      if (predicate(now)) return now;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${what}; screen:\n${screen()}`);
  };
  return {
    dir, screen, waitForScreen,
    keys: (...keys) => void tmux('send-keys', '-t', 'main', ...keys),
    resize: (columns, rows) => void tmux('resize-window', '-t', 'main', '-x', String(columns), '-y', String(rows)),
    display: (format) => tmux('display', '-p', '-t', 'main', format).trim(),
    pid: () => Number(readFileSync(join(dir, 'pid'), 'utf8')),
    sttyAfter: async () => {
      const file = join(dir, 'stty');
      await waitForScreen(() => existsSync(file) && readFileSync(file, 'utf8').length > 0, 'stty output');
      return readFileSync(file, 'utf8');
    },
    close: () => { try { tmux('kill-server'); } catch { /* already gone */ } },
  };
}

/** After opsdeck ended: raw mode off (canonical input with echo), alternate screen left, cursor shown. */
export async function expectRestored(term: Terminal): Promise<void> {
  const stty = await term.sttyAfter();
  expect(stty).toMatch(/(^|\s)icanon(\s|$)/);
  expect(stty).toMatch(/(^|\s)echo(\s|$)/);
  expect(term.display('#{alternate_on} #{cursor_flag}')).toBe('0 1');
}
