// `opsdeck demo --docker`: the demo stack as labelled containers on the Docker engine
// (DOCKER_HOST or the default socket), watched by the cockpit's normal DockerSource for the
// project opsdeck-demo, with the demo's checks, metrics and lag, and the drills (D, or `--drill
// NAME` headless) acting on the containers through the runbooks' DockerRuntime; the containers
// are removed on the way out (quit, SIGTERM, SIGHUP), the image stays for the next run.
import type Docker from 'dockerode';
import { connectDocker, dockerErrorText, resolveDockerHost } from '../docker/connect';
import { DockerSource } from '../docker/docker-source';
import { defaultAuditPath } from '../audit/journal';
import { demoConfig, findPostgres } from '../demo/demo-config';
import { startDockerDemo, stopDockerDemo, type DockerDemo } from '../demo/docker-stack';
import { DOCKER_PROJECT } from '../demo/docker-container';
import { drillContext, runDrill } from '../demo/drill-runner';
import { drillAccess } from '../demo/drill-access';
import { findDrill } from '../demo/drills';
import type { DrillServices } from '../demo/drill-services';
import { DockerRuntime } from '../runbooks/docker-runtime';
import { createStore } from '../store/store';
import { initialState, type AppState } from '../store/app-state';
import { LogFeed } from '../logs/log-feed';
import type { Settings } from './settings';
import { cleanupOnSignal } from './cleanup-on-signal';

async function reachable(docker: Docker): Promise<string | undefined> {
  try {
    await Promise.race([docker.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 3 s')), 3000).unref())]);
    return undefined;
  } catch (error) {
    return dockerErrorText(error);
  }
}

export async function runDockerDemo(options: { readOnly?: boolean; drill?: string }, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const host = resolveDockerHost(undefined, env);
  const docker = connectDocker(host);
  const problem = await reachable(docker);
  if (problem) {
    process.stderr.write(`opsdeck: demo --docker needs a Docker engine, and none answers at ${host} (${problem}).\n`
      + 'opsdeck: set DOCKER_HOST to a running engine, or run `opsdeck demo` (local processes, no Docker needed)\n');
    return 2;
  }
  process.stderr.write(`opsdeck: starting the demo stack as containers (project ${DOCKER_PROJECT}) on ${host}…\n`);
  let demo: DockerDemo;
  try {
    demo = await startDockerDemo(docker);
  } catch (error) {
    process.stderr.write(`opsdeck: demo --docker could not start: ${dockerErrorText(error)}\n`);
    return 1;
  }
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= stopDockerDemo(docker, demo));
  const stopWatchingSignals = cleanupOnSignal(stop);
  const services: DrillServices = { runtime: new DockerRuntime(docker, DOCKER_PROJECT), project: DOCKER_PROJECT };
  try {
    if (options.drill !== undefined) return await headlessDrill(host, demo, services, options.drill, env);
    const postgres = await findPostgres(env);
    const settings: Settings = {
      config: demoConfig(demo.stack, postgres), dockerHost: host, project: DOCKER_PROJECT,
      readOnly: options.readOnly ?? false, auditPath: defaultAuditPath(env),
    };
    const { runUi } = await import('./ui');
    let feed: LogFeed | undefined;
    return await runUi(settings, {
      makeSource: (state, uiFeed) => {
        feed = uiFeed;
        return new DockerSource({
          host, project: DOCKER_PROJECT, refreshMs: settings.config.refresh,
          logs: { tail: 200, maxLineBytes: settings.config.logs.max_line_bytes, keepColor: true },
        }, state, uiFeed);
      },
      drills: () => drillAccess(drillContext({ stack: demo.stack, services }, feed!)),
    });
  } finally {
    stopWatchingSignals();
    await stop();
  }
}

/** `demo --docker --drill NAME`: the containers' logs followed (a drill may watch a log rate), one drill run. */
async function headlessDrill(host: string, demo: DockerDemo, services: DrillServices, name: string, env: NodeJS.ProcessEnv): Promise<number> {
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const feed = new LogFeed(5000, 20);
  const source = new DockerSource({ host, project: DOCKER_PROJECT, refreshMs: 1000, logs: { tail: 0, maxLineBytes: 16_384, keepColor: false } }, createStore<AppState>(initialState(host)), feed);
  source.open();
  try {
    say(`demo stack up as containers: ${[...demo.containers.keys()].join(', ')}`);
    const outcome = await runDrill(findDrill(name)!, drillContext({ stack: demo.stack, services }, feed), { say, env });
    return outcome.recovered && outcome.exitCode === 0 ? 0 : 1;
  } finally {
    source.close();
  }
}
