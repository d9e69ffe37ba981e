// What plain `opsdeck` watches. With nothing to watch — no config, no project, no DOCKER_HOST and
// no Docker socket — it opens the embedded demo instead of an empty "Docker unreachable" screen,
// so a fresh machine shows the cockpit doing its job.
import { existsSync } from 'node:fs';
import { DEFAULT_DOCKER_HOST } from '../docker/docker-host';
import type { CliOptions, Settings } from './settings';

export function nothingToWatch(cli: CliOptions, settings: Settings, env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): boolean {
  if (settings.configFile || cli.project || env.DOCKER_HOST) return false;
  return settings.dockerHost === DEFAULT_DOCKER_HOST && !exists(new URL(DEFAULT_DOCKER_HOST).pathname);
}
