import { execa } from 'execa';
import type { CheckResult, ExecCheckSpec, ProbeContext } from './types';
import { timeoutInWords } from './network-errors';

/** Runs the command (no shell); exit 0 is ok. Never throws. */
export async function probeExec(spec: ExecCheckSpec, ctx: ProbeContext): Promise<CheckResult> {
  const started = performance.now();
  const result = await execa(spec.command, spec.args, {
    cwd: spec.cwd,
    timeout: spec.timeout,
    cancelSignal: ctx.signal,
    reject: false,
    stdin: 'ignore',
    stripFinalNewline: true,
    forceKillAfterDelay: 1000,
    maxBuffer: 1 << 20,
  });
  const latencyMs = performance.now() - started;
  const lastOut = lastLine(String(result.stdout ?? ''));
  const detail = lastOut ? { output: lastOut } : undefined;
  const base = { latencyMs, at: Date.now(), ...(detail && { detail }) };
  if (result.exitCode === 0 && !result.failed) return { ...base, state: 'ok' };
  return { ...base, state: 'down', error: failureInWords(spec, result) };
}

interface Outcome {
  exitCode?: number;
  signal?: string;
  timedOut: boolean;
  isCanceled: boolean;
  code?: string;
  stderr?: unknown;
  originalMessage?: string;
}

function failureInWords(spec: ExecCheckSpec, result: Outcome): string {
  if (result.timedOut) return timeoutInWords(spec.timeout);
  if (result.isCanceled) return 'cancelled';
  if (result.code === 'ENOENT') return `command not found: ${spec.command}`;
  if (result.code === 'EACCES') return `permission denied running ${spec.command}`;
  const stderr = lastLine(String(result.stderr ?? ''));
  const how = result.exitCode !== undefined ? `exit code ${result.exitCode}` : result.signal ? `killed by ${result.signal}` : (result.originalMessage ?? 'failed');
  return stderr ? `${how}: ${stderr}` : how;
}

function lastLine(text: string): string {
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  return (lines[lines.length - 1] ?? '').slice(0, 200);
}
