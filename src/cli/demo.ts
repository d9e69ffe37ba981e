// `opsdeck demo`: starts the demo stack (seed 002's shape) as local processes (or, with --docker,
// containers: demo-docker.ts) and opens the cockpit on it, where D injects a drill and opens its
// runbook's wizard; `--drill NAME` instead injects one fault, resolves it with its bundled runbook
// headless, and prints the incident report. Everything stops on the way out.
import { createStore } from '../store/store';
import { initialState, type AppState } from '../store/app-state';
import { LogFeed } from '../logs/log-feed';
import { makeLine } from '../logs/line';
import { defaultAuditPath } from '../audit/journal';
import { ProcessSource } from '../process/process-source';
import { demoStack, type DemoStack } from '../demo/stack';
import { demoConfig, findPostgres, type Postgres } from '../demo/demo-config';
import { DRILLS, findDrill } from '../demo/drills';
import { drillContext, runDrill } from '../demo/drill-runner';
import { processDrillServices } from '../demo/drill-services';
import { drillAccess } from '../demo/drill-access';
import type { Settings } from './settings';
import { resolveDockerHost } from '../docker/connect';
import { cleanupOnSignal } from './cleanup-on-signal';

export interface DemoOptions {
  drill?: string;
  docker?: boolean;
  readOnly?: boolean;
}

export async function runDemo(options: DemoOptions, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const drill = options.drill === undefined ? undefined : findDrill(options.drill);
  if (options.drill !== undefined && !drill) {
    process.stderr.write(`opsdeck: unknown drill "${options.drill}"; drills: ${DRILLS.map((d) => d.name).join(', ')}\n`);
    return 2;
  }
  if (options.docker) {
    const { runDockerDemo } = await import('./demo-docker');
    return runDockerDemo(options, env);
  }
  const stack = await demoStack();
  const stopWatchingSignals = cleanupOnSignal(stack.dispose);
  const postgres = await findPostgres(env);
  try {
    if (drill) return await headlessDrill(stack, drill.name, env);
    const settings: Settings = {
      config: demoConfig(stack, postgres), dockerHost: resolveDockerHost(undefined, env), project: 'demo',
      readOnly: options.readOnly ?? false, auditPath: defaultAuditPath(env),
    };
    const { runUi } = await import('./ui');
    let live: { source: ProcessSource; feed: LogFeed } | undefined;
    return await runUi(settings, {
      makeSource: (state, feed) => {
        feed.push([postgresLine(feed, postgres)]);
        live = { source: new ProcessSource(stack.services, state, feed, { project: 'demo', keepColor: true, statsMs: 1000 }), feed };
        return live.source;
      },
      drills: () => drillAccess(drillContext({ stack, services: processDrillServices(live!.source) }, live!.feed)),
    });
  } finally {
    stopWatchingSignals();
    stack.dispose();
  }
}

function postgresLine(feed: LogFeed, pg: Postgres) {
  const text = pg.present
    ? `[opsdeck] PostgreSQL found at ${pg.host}:${pg.port}; checked as "postgres"`
    : `[opsdeck] PostgreSQL: absent (nothing answers at ${pg.host}:${pg.port}; set PGHOST/PGPORT to check one)`;
  return makeLine({ seq: feed.nextSeq(), ts: Date.now() * 1000, service: 'postgres', container: 'postgres', stream: 'stdout', text, truncatedBytes: 0 });
}

async function headlessDrill(stack: DemoStack, name: string, env: NodeJS.ProcessEnv): Promise<number> {
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const state = createStore<AppState>(initialState('local processes'));
  const feed = new LogFeed(5000, 20);
  const source = new ProcessSource(stack.services, state, feed, { project: 'demo', statsMs: 1000 });
  const started = Date.now();
  source.open();
  try {
    await source.ready();
    say(`demo stack up in ${((Date.now() - started) / 1000).toFixed(1)} s: ${stack.services.map((s) => s.name).join(', ')}`);
    const outcome = await runDrill(findDrill(name)!, drillContext({ stack, services: processDrillServices(source) }, feed), { say, env });
    return outcome.recovered && outcome.exitCode === 0 ? 0 : 1;
  } finally {
    await source.close();
  }
}
