// Backs up paths into a gzipped tar with the system's `tar`, before something risky.
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ActionOf } from '../schema';
import type { ActionExecutor } from '../engine/types';
import { quoteArgv } from './render';
import { runLocal } from './local-process';

const argv = (a: ActionOf<'backup'>) => ['tar', '-czf', a.to, ...(a.cwd ? ['-C', a.cwd] : []), '--', ...a.paths];

export const backupExecutor: ActionExecutor<ActionOf<'backup'>> = {
  render: (a) => `back up ${a.paths.join(', ')} to ${a.to}: ${quoteArgv(argv(a))}`,
  async run(a, ctx) {
    mkdirSync(dirname(resolve(a.to)), { recursive: true });
    const result = await runLocal(argv(a), { signal: ctx.signal });
    if (result.problem || result.exitCode !== 0) throw new Error(`tar failed${result.problem ? `: ${result.problem}` : ` with exit code ${result.exitCode}`}${result.output ? `: ${result.output}` : ''}`);
    return { summary: `backed up ${a.paths.join(', ')} to ${a.to} (${statSync(a.to).size} bytes)` };
  },
};
