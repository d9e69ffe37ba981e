// Which engine to talk to, without loading the Docker client: every command resolves the host
// at start, and only some of them go on to need dockerode.
export const DEFAULT_DOCKER_HOST = 'unix:///var/run/docker.sock';

/** The engine to talk to: the config's host, else DOCKER_HOST, else the default socket. */
export function resolveDockerHost(configured?: string, env: NodeJS.ProcessEnv = process.env): string {
  return configured ?? env.DOCKER_HOST ?? DEFAULT_DOCKER_HOST;
}
