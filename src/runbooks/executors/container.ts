// Container actions (restart, stop, start, recreate with changed env, exec) against a
// ContainerRuntime, so the Docker details live in one place (docker-runtime.ts).
import type { ActionOf } from '../schema';
import type { ActionExecutor, ContainerRuntime, ExecutorContext } from '../engine/types';
import { quoteArgv, tail } from './render';

type ServiceAction = { service: string; project?: string };

const where = (a: ServiceAction) => `service ${a.service}${a.project ? ` (project ${a.project})` : ''}`;

function runtimeOf(ctx: ExecutorContext): ContainerRuntime {
  if (!ctx.runtime) throw new Error('no container runtime is connected; cannot act on Docker containers');
  return ctx.runtime;
}

async function containersOf(ctx: ExecutorContext, a: ServiceAction): Promise<string[]> {
  const ids = await runtimeOf(ctx).findService(a.service, a.project);
  if (ids.length === 0) throw new Error(`no container found for ${where(a)}`);
  return ids;
}

const VERBS = { restart: 'restarted', stop: 'stopped', start: 'started' } as const;
const EXPLAIN = {
  restart: 'Docker sends SIGTERM, waits up to 10 s, kills it if still running, then starts it again',
  stop: 'Docker sends SIGTERM, waits up to 10 s, then kills it; it stays stopped until started',
  start: 'starts the existing container',
} as const;

export const containerExecutor: ActionExecutor<ActionOf<'restart' | 'stop' | 'start'>> = {
  render: (a) => `docker ${a.type} the container(s) of ${where(a)}: ${EXPLAIN[a.type]}`,
  async run(a, ctx) {
    const ids = await containersOf(ctx, a);
    for (const id of ids) await runtimeOf(ctx)[a.type](id);
    const changes = a.type === 'stop' ? [`${a.service} stopped`] : undefined;
    return { summary: `${a.service}: ${ids.length} container(s) ${VERBS[a.type]}`, changes };
  },
};

const envText = (a: ActionOf<'recreate'>) => [
  ...Object.entries(a.env).map(([k, v]) => `${k}=${v}`),
  ...a.unset.map((k) => `unset ${k}`),
].join(', ');

export const recreateExecutor: ActionExecutor<ActionOf<'recreate'>> = {
  render: (a) => `recreate the container(s) of ${where(a)} with ${envText(a) || 'no env change'}: same image, command, mounts, network and labels; the old container is stopped and renamed, kept until the new one runs, then removed`,
  async run(a, ctx) {
    const runtime = runtimeOf(ctx);
    const changes: string[] = [];
    const created: string[] = [];
    for (const id of await containersOf(ctx, a)) {
      const before = (await runtime.inspect(id)).env;
      const envChanges: Record<string, string | undefined> = { ...a.env, ...Object.fromEntries(a.unset.map((k) => [k, undefined])) };
      created.push((await runtime.recreate(id, envChanges)).slice(0, 12));
      for (const [key, value] of Object.entries(envChanges)) {
        if (before[key] !== value) changes.push(`${a.service}: ${key}=${value ?? '(unset)'} (was ${before[key] ?? 'unset'})`);
      }
    }
    return { summary: `${a.service} recreated with ${envText(a) || 'no env change'} as ${created.join(', ')}`, changes: [...new Set(changes)] };
  },
};

export const execExecutor: ActionExecutor<ActionOf<'exec'>> = {
  render: (a) => `docker exec in the container of ${where(a)}: ${quoteArgv(a.command)}`,
  async run(a, ctx) {
    const [id] = await containersOf(ctx, a);
    const { exitCode, output } = await runtimeOf(ctx).exec(id, a.command, ctx.signal);
    if (exitCode !== a.exit_code) throw new Error(`${quoteArgv(a.command)} exited with ${exitCode} (expected ${a.exit_code}): ${tail(output, 300)}`);
    return { summary: `${quoteArgv(a.command)} exited with ${exitCode}`, output: tail(output) };
  },
};
