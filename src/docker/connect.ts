import Docker from 'dockerode';

export { DEFAULT_DOCKER_HOST, resolveDockerHost } from './docker-host';
export { dockerErrorText } from './docker-error';

export function connectDocker(host: string): Docker {
  const url = new URL(host);
  if (url.protocol === 'unix:') return new Docker({ socketPath: decodeURIComponent(url.pathname) });
  if (url.protocol === 'npipe:') return new Docker({ socketPath: host.slice('npipe://'.length) });
  const protocol = url.protocol === 'https:' ? 'https' : 'http';
  return new Docker({ host: url.hostname, port: Number(url.port || (protocol === 'https' ? 2376 : 2375)), protocol });
}
