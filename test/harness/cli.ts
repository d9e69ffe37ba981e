import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real bin/opsdeck (built by the global setup) against the private engine. */
export function opsdeck(args: string[], env: NodeJS.ProcessEnv = {}, cwd = process.cwd()): CliResult {
  const result = spawnSync('bin/opsdeck', args, {
    cwd: process.cwd(), encoding: 'utf8', timeout: 30_000,
    env: { ...process.env, DOCKER_HOST: inject('dockerHost'), XDG_STATE_HOME: join(tmpdir(), 'opsdeck-test-state'), ...env },
  });
  void cwd;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
