// How one demo service runs as a container: the host's Node binary and libraries, dist/ and the
// node_modules the bundles import bind-mounted read-only at their own paths, the scratch
// directory read-write, host networking (so the ports are the process demo's 127.0.0.1 ports),
// Compose's labels, and a HEALTHCHECK that runs the same node with a one-line probe.
import type Docker from 'dockerode';
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROJECT_LABEL, SERVICE_LABEL } from '../docker/labels';
import type { ProcessHealth, ServiceDef } from '../process/config-schema';
import { DEMO_IMAGE } from './docker-image';

export const DOCKER_PROJECT = 'opsdeck-demo';
const NODE_IN_CONTAINER = '/usr/local/bin/node';

/** The nearest node_modules above `dir` that holds `pkg` (the bundles' only bare import). */
function nodeModulesFor(dir: string, pkg: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, 'node_modules', pkg))) return join(at, 'node_modules');
    if (dirname(at) === at) return undefined;
  }
}

/** Read-only mounts that let a nearly empty image run `node dist/demo/NAME.js`. */
export function runtimeBinds(bundleDir: string, scratchDir: string): string[] {
  const dist = dirname(bundleDir);
  const modules = nodeModulesFor(bundleDir, 'kafkajs');
  const pkg = join(dirname(dist), 'package.json');
  return [
    `${realpathSync(process.execPath)}:${NODE_IN_CONTAINER}:ro`,
    ...['/lib', '/lib64', '/usr/lib'].filter(existsSync).map((dir) => `${dir}:${dir}:ro`),
    `${dist}:${dist}:ro`,
    ...(modules ? [`${realpathSync(modules)}:${modules}:ro`] : []),
    ...(existsSync(pkg) ? [`${pkg}:${pkg}:ro`] : []),
    `${scratchDir}:${scratchDir}`,
  ];
}

const seconds = (ms: number) => ms * 1_000_000;

/** A HEALTHCHECK doing what the process runtime's probe does, with the container's node. */
export function healthcheck(health: ProcessHealth | undefined): Docker.HealthConfig | undefined {
  if (!health || health.exec) return undefined;
  const script = health.http
    ? `fetch(${JSON.stringify(health.http)}).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`
    : `require('net').connect(${health.tcp!.split(':')[1]}, ${JSON.stringify(health.tcp!.split(':')[0])}).on('connect', () => process.exit(0)).on('error', () => process.exit(1))`;
  return {
    Test: ['CMD', NODE_IN_CONTAINER, '-e', script],
    Interval: seconds(2000), Timeout: seconds(Math.max(health.timeout, 2000)), Retries: health.retries, StartPeriod: seconds(10_000),
  };
}

export function containerOptions(def: ServiceDef, binds: string[]): Docker.ContainerCreateOptions {
  const [, ...args] = def.command;
  return {
    name: `${DOCKER_PROJECT}-${def.name}-1`,
    Image: DEMO_IMAGE,
    Cmd: [NODE_IN_CONTAINER, ...args],
    Env: Object.entries({ ...def.env, HOME: '/tmp' }).map(([k, v]) => `${k}=${v}`),
    WorkingDir: '/tmp',
    Labels: { [PROJECT_LABEL]: DOCKER_PROJECT, [SERVICE_LABEL]: def.name, 'com.docker.compose.container-number': '1' },
    Healthcheck: healthcheck(def.health),
    // The services quit when stdin ends (their lifeline under the process runtime): keep it open.
    OpenStdin: true,
    StopSignal: 'SIGTERM',
    StopTimeout: 2,
    HostConfig: { NetworkMode: 'host', Binds: binds, RestartPolicy: { Name: 'on-failure' } },
  };
}
