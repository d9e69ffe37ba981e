import Docker from 'dockerode';

export const DEFAULT_DOCKER_HOST = 'unix:///var/run/docker.sock';

/** The engine to talk to: the config's host, else DOCKER_HOST, else the default socket. */
export function resolveDockerHost(configured?: string, env: NodeJS.ProcessEnv = process.env): string {
  return configured ?? env.DOCKER_HOST ?? DEFAULT_DOCKER_HOST;
}

export function connectDocker(host: string): Docker {
  const url = new URL(host);
  if (url.protocol === 'unix:') return new Docker({ socketPath: decodeURIComponent(url.pathname) });
  if (url.protocol === 'npipe:') return new Docker({ socketPath: host.slice('npipe://'.length) });
  const protocol = url.protocol === 'https:' ? 'https' : 'http';
  return new Docker({ host: url.hostname, port: Number(url.port || (protocol === 'https' ? 2376 : 2375)), protocol });
}

/** A Docker error in words, without dockerode's JSON noise. */
export function dockerErrorText(error: unknown): string {
  const e = error as { code?: string; address?: string; statusCode?: number; json?: { message?: string }; reason?: string; message?: string };
  if (e?.code === 'ENOENT' || e?.code === 'ECONNREFUSED') return `cannot connect to Docker at ${e.address ?? 'its socket'}: ${e.code === 'ENOENT' ? 'no such socket' : 'connection refused'}`;
  if (e?.code === 'EACCES') return `permission denied on the Docker socket ${e.address ?? ''}`.trim();
  if (e?.json?.message) return `${e.json.message}${e.statusCode ? ` (HTTP ${e.statusCode})` : ''}`;
  return e?.message ?? String(error);
}
