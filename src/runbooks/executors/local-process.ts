// Runs a process on this machine: an argument array (no shell) or, when asked, a shell string.
import { tail } from './render';

export interface ProcessResult {
  exitCode: number | undefined;
  output: string;
  /** Why it did not run or was stopped (not found, timed out); undefined when it ran to an exit. */
  problem?: string;
}

export async function runLocal(command: string[] | string, options: { shell?: boolean; cwd?: string; env?: Record<string, string>; signal: AbortSignal }): Promise<ProcessResult> {
  const common = { cwd: options.cwd, env: options.env, cancelSignal: options.signal, reject: false, all: true, stdin: 'ignore', forceKillAfterDelay: 2000 } as const;
  // Loaded on first use: the cockpit's views import the executors to describe steps, and execa
  // would otherwise load before every first frame.
  const { execa } = await import('execa');
  const result = typeof command === 'string'
    ? await execa(command, { ...common, shell: true })
    : await execa(command[0], command.slice(1), { ...common, shell: false });
  const output = tail(String(result.all ?? ''));
  if (result.isCanceled) return { exitCode: result.exitCode, output, problem: 'stopped: the step timed out' };
  if (result.exitCode === undefined) return { exitCode: undefined, output, problem: result.originalMessage ?? result.shortMessage ?? 'did not start' };
  return { exitCode: result.exitCode, output };
}
