// The two reads the source repeats: the container list (each refresh, or as a resync while
// events flow) and one-shot stats (for containers whose cgroup files are not readable here).
// dockerode opens a new connection for every request and formats each one with util.inspect; at
// 20 containers and a 1 s refresh that cost 1.85 % of a core, against 0.65 % for the same
// requests over a keep-alive pool (a 20 s loop, bench/RESULTS.md). Everything else (events,
// logs, inspect, actions) still goes through dockerode.
import type Docker from 'dockerode';
import { containerListPath, engineHttp } from './engine-http';

export interface EngineReads {
  list(filters?: Record<string, string[]>): Promise<Docker.ContainerInfo[]>;
  stats(id: string): Promise<Docker.ContainerStats>;
  close(): void;
}

export function engineReads(host: string, docker: Docker, timeoutMs = 10_000): EngineReads {
  const http = engineHttp(host, timeoutMs);
  // TLS engines need dockerode's certificate handling; they keep its per-request connections.
  if (!http) {
    return {
      list: (filters) => docker.listContainers({ all: true, filters }),
      stats: (id) => docker.getContainer(id).stats({ stream: false, 'one-shot': true }),
      close: () => undefined,
    };
  }
  return {
    list: (filters) => http.get(containerListPath(filters)),
    stats: (id) => http.get(`/containers/${encodeURIComponent(id)}/stats?stream=false&one-shot=true`),
    close: () => http.close(),
  };
}
