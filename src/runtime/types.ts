// What a runtime (Docker, or local processes) offers. Actions check for a capability before
// they offer a key, as k9s's accessors do.

export type InstanceState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead' | 'unknown';
export type HealthStatus = 'healthy' | 'unhealthy' | 'starting';

export interface Instance {
  id: string;
  name: string;
  project?: string;
  service: string;
  image: string;
  state: InstanceState;
  health?: HealthStatus;
  /** ms since the epoch; for a running instance, when it last started. */
  startedAt?: number;
  finishedAt?: number;
  exitCode?: number;
  restarts: number;
  ports: string[];
  tty: boolean;
  /** The container's opsdeck.* labels (opsdeck.health, opsdeck.metrics), when it has any. */
  labels?: Record<string, string>;
  /** Its first process as the engine's host sees it, while running: where its cgroup is found. */
  pid?: number;
}

export interface InstanceStats {
  cpuPercent?: number;
  memBytes?: number;
  memLimit?: number;
  at: number;
}

export interface InstanceDetails {
  instance: Instance;
  command: string;
  env: { name: string; value: string }[];
  mounts: string[];
  labels: Record<string, string>;
  healthLog: { at: number; exitCode: number; output: string }[];
}

export interface Restartable {
  restart(id: string): Promise<void>;
  stop(id: string): Promise<void>;
  start(id: string): Promise<void>;
}
