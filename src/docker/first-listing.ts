// The engine's first answers (its version, the container list and an inspect of each), asked for
// as soon as the command line knows the host. They arrive while the cockpit's code is still
// loading, so the first frame already lists the containers instead of saying "connecting" and
// waiting for DockerSource's own round trips. DockerSource then takes over: its first refresh
// finds these instances unchanged and keeps them.
import type Docker from 'dockerode';
import type { Store } from '../store/store';
import { type AppState, sortInstances } from '../store/app-state';
import type { Instance } from '../runtime/types';
import { toInstance } from './instance';
import { PROJECT_LABEL } from './labels';
import { containerListPath, engineHttp, type EngineHttp } from './engine-http';

interface FirstListing {
  key: string;
  version: string;
  instances: Instance[];
}

const TIMEOUT_MS = 2000;
let primed: Promise<FirstListing | undefined> | undefined;

const keyOf = (host: string, project?: string) => `${host}\n${project ?? ''}`;

/** Starts asking. Engines over TLS, a named pipe or ssh are left to dockerode. */
export function primeFirstListing(host: string, project?: string): void {
  let http: EngineHttp | undefined;
  try { http = engineHttp(host, TIMEOUT_MS); } catch { return; } // DockerSource reports a malformed host
  if (!http) return;
  // A failure is not reported here: DockerSource meets it too and says so on screen.
  primed = ask(http, keyOf(host, project), project).catch(() => undefined);
}

/**
 * Puts the primed listing into `state` when it arrives, unless the source has said something by
 * then (a listing of its own is newer; an error stands). Resolves once it is in or not coming.
 */
export function seedFirstListing(state: Store<AppState>, host: string, project?: string): Promise<void> {
  const listing = primed;
  primed = undefined;
  return (listing ?? Promise.resolve(undefined)).then((first) => {
    if (first?.key !== keyOf(host, project)) return;
    state.set((s) => s.docker.status !== 'connecting' || s.instances.length > 0 ? s
      : { ...s, docker: { host, status: 'up', version: first.version }, instances: first.instances });
  });
}

async function ask(http: EngineHttp, key: string, project: string | undefined): Promise<FirstListing> {
  try {
    const [version, summaries] = await Promise.all([
      http.get<Docker.DockerVersion>('/version'),
      http.get<Docker.ContainerInfo[]>(containerListPath(project ? { label: [`${PROJECT_LABEL}=${project}`] } : undefined)),
    ]);
    const inspected = await Promise.all(summaries.map((s) => http.get<Docker.ContainerInspectInfo>(`/containers/${encodeURIComponent(s.Id)}/json`).catch(() => undefined)));
    const instances = inspected.filter((i): i is Docker.ContainerInspectInfo => !!i).map(toInstance);
    return { key, version: `${version.Version} (API ${version.ApiVersion})`, instances: sortInstances(instances) };
  } finally {
    http.close();
  }
}
