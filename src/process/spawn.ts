// Starts one service process with execa: its own process group (so a stop reaches everything it
// forks), a stdin pipe it may watch as a lifeline, and stdout/stderr split into sanitised,
// timestamped log lines.
import { execa } from 'execa';
import type { Readable } from 'node:stream';
import { LineSplitter } from '../text/lines';
import { sanitize } from '../text/sanitize';
import { makeLine, type LogLine, type LogStream } from '../logs/line';
import type { ServiceDef } from './config-schema';

export interface SpawnOptions {
  maxLineBytes: number;
  keepColor: boolean;
  nextSeq: () => number;
  onLines: (lines: LogLine[]) => void;
}

export interface Exit {
  code?: number;
  signal?: string;
  /** Why it could not start (ENOENT and the like). */
  error?: string;
}

export interface Spawned {
  pid: number;
  /** Settles when the process has exited and its output is drained. */
  exited: Promise<Exit>;
}

export function serviceEnv(def: ServiceDef): Record<string, string> {
  return { ...(process.env as Record<string, string>), ...def.env, OPSDECK_SERVICE: def.name };
}

export function spawnService(def: ServiceDef, options: SpawnOptions): Spawned | Exit {
  const [file, ...args] = def.command;
  const child = execa(file, args, {
    env: serviceEnv(def), extendEnv: false, cwd: def.cwd, detached: true, cleanup: false,
    stdin: 'pipe', stdout: 'pipe', stderr: 'pipe', buffer: false, reject: false, stripFinalNewline: false,
  });
  child.stdin?.on('error', () => undefined);
  const drained = [follow(child.stdout, 'stdout', def.name, options), follow(child.stderr, 'stderr', def.name, options)];
  const exited = child.then(async (result) => {
    await Promise.all(drained);
    if (result.exitCode === undefined && !result.signal) return { error: result.shortMessage };
    return { code: result.exitCode, signal: result.signal };
  });
  if (child.pid === undefined) return { error: `cannot start ${file}` };
  return { pid: child.pid, exited };
}

function follow(stream: Readable | null, kind: LogStream, service: string, options: SpawnOptions): Promise<void> {
  if (!stream) return Promise.resolve();
  const splitter = new LineSplitter(options.maxLineBytes);
  const emit = (raw: { text: string; truncatedBytes: number }[]) => {
    if (raw.length === 0) return;
    const ts = Date.now() * 1000;
    options.onLines(raw.map(({ text, truncatedBytes }) => makeLine({
      seq: options.nextSeq(), ts, service, container: service, stream: kind,
      text: sanitize(text.endsWith('\r') ? text.slice(0, -1) : text, { keepColor: options.keepColor }), truncatedBytes,
    })));
  };
  return new Promise((resolve) => {
    stream.on('data', (chunk: Buffer) => emit(splitter.push(chunk)));
    stream.on('error', () => undefined);
    stream.on('close', () => { emit(splitter.flush()); resolve(); });
  });
}
