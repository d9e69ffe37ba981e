// A local command: an argument array, or a shell string only when the step says `shell: true`.
import type { ActionOf } from '../schema';
import type { ActionExecutor } from '../engine/types';
import { quoteArgv, tail } from './render';
import { runLocal } from './local-process';

const shown = (a: ActionOf<'command'>) => (typeof a.command === 'string' ? a.command : quoteArgv(a.command));

export const commandExecutor: ActionExecutor<ActionOf<'command'>> = {
  render: (a) => {
    const env = Object.entries(a.env).map(([k, v]) => `${k}=${v} `).join('');
    const how = a.shell ? `sh -c ${quoteArgv([shown(a)])}` : shown(a);
    return `run on this machine${a.cwd ? ` in ${a.cwd}` : ''}: ${env}${how}`;
  },
  async run(a, ctx) {
    if (typeof a.command === 'string' && !a.shell) throw new Error('a command given as one string needs `shell: true`; otherwise give an argument array');
    const argv = typeof a.command === 'string' ? a.command : a.shell ? a.command.join(' ') : a.command;
    const result = await runLocal(argv, { shell: a.shell, cwd: a.cwd, env: a.env, signal: ctx.signal });
    if (result.problem) throw new Error(`${shown(a)}: ${result.problem}`);
    if (result.exitCode !== a.exit_code) throw new Error(`${shown(a)} exited with ${result.exitCode} (expected ${a.exit_code})${result.output ? `: ${tail(result.output, 300)}` : ''}`);
    return { summary: `${shown(a)} exited with ${result.exitCode}`, output: result.output };
  },
};
