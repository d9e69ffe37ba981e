import type { Instance, InstanceStats } from '../runtime/types';

export interface DockerConnection {
  /** What runs the services: a Docker engine, or local processes (`opsdeck demo`, `processes:`). */
  kind?: 'docker' | 'processes';
  host: string;
  status: 'connecting' | 'up' | 'down';
  error?: string;
  /** When the next reconnect attempt is due (ms since the epoch). */
  retryAt?: number;
  version?: string;
}

export interface Notice {
  kind: 'ok' | 'error' | 'info';
  text: string;
  at: number;
}

export interface AppState {
  docker: DockerConnection;
  instances: Instance[];
  stats: ReadonlyMap<string, InstanceStats>;
  /** Ids of instances with an action under way. */
  busy: ReadonlySet<string>;
  notice?: Notice;
  /** When the health, lag and runbook sources were attached (they load after the first frame). */
  extrasAt?: number;
}

export function initialState(host: string): AppState {
  return { docker: { host, status: 'connecting' }, instances: [], stats: new Map(), busy: new Set() };
}

/** Project, then service, then name: the order every view lists instances in. */
export function sortInstances(instances: Instance[]): Instance[] {
  return [...instances].sort((a, b) =>
    (a.project ?? '\uffff').localeCompare(b.project ?? '\uffff') || a.service.localeCompare(b.service) || a.name.localeCompare(b.name));
}

export function upsertInstance(state: AppState, instance: Instance): AppState {
  const others = state.instances.filter((i) => i.id !== instance.id);
  return { ...state, instances: sortInstances([...others, instance]) };
}

export function removeInstance(state: AppState, id: string): AppState {
  if (!state.instances.some((i) => i.id === id)) return state;
  const stats = new Map(state.stats);
  stats.delete(id);
  return { ...state, instances: state.instances.filter((i) => i.id !== id), stats };
}
