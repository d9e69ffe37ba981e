/** What a probe found. `error` is always in words a user can act on. */
export type CheckState = 'ok' | 'degraded' | 'down' | 'unknown';

export interface CheckResult {
  state: CheckState;
  latencyMs?: number;
  error?: string;
  /** Chosen body fields, e.g. model_version from a /health reply. */
  fields?: Record<string, string>;
  /** Probe-specific measurements, e.g. server version or connections in use. */
  detail?: Record<string, string | number>;
  /** Epoch ms when the probe finished. */
  at: number;
}

/** Durations are milliseconds once a spec has been validated. */
interface CommonSpec {
  name: string;
  interval: number;
  timeout: number;
}

export interface HttpCheckSpec extends CommonSpec {
  type: 'http';
  url: string;
  method: 'GET' | 'HEAD' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** Accepted status codes; empty means any 2xx. */
  expect_status: number[];
  max_redirects: number;
  max_body_bytes: number;
  /** Expectations on the JSON body, e.g. "model_loaded == true". */
  json: string[];
  /** Dotted paths copied from the JSON body into the result's fields. */
  fields: string[];
  /** A reply slower than this (ms) is degraded. */
  slow_after?: number;
}

export interface TcpCheckSpec extends CommonSpec {
  type: 'tcp';
  host: string;
  port: number;
  /** A line sent after connecting (CRLF appended), e.g. Redis "PING". */
  send?: string;
  /** The reply must start with this, e.g. "+PONG". */
  expect?: string;
}

export interface PostgresCheckSpec extends CommonSpec {
  type: 'postgres';
  host: string;
  port: number;
  user: string;
  /** May hold ${ENV} references; never shown anywhere. */
  password?: string;
  database: string;
  /** Share of max_connections in use above which the state is degraded. */
  connections_degraded_at: number;
  /** Replica lag (ms) above which the state is degraded. */
  replication_lag_degraded: number;
}

export interface ExecCheckSpec extends CommonSpec {
  type: 'exec';
  command: string;
  args: string[];
  cwd?: string;
}

export interface DockerCheckSpec extends CommonSpec {
  type: 'docker';
  container: string;
}

export type CheckSpec = HttpCheckSpec | TcpCheckSpec | PostgresCheckSpec | ExecCheckSpec | DockerCheckSpec;

export type CheckType = CheckSpec['type'];

/** Container health as Docker reports it; 'none' when the image defines no HEALTHCHECK. */
export type DockerHealthStatus = 'healthy' | 'unhealthy' | 'starting' | 'none';

export interface DockerHealth {
  status: DockerHealthStatus;
  /** Output of the last health-check run, shown when unhealthy. */
  output?: string;
}

export type DockerHealthSource = (container: string, signal: AbortSignal) => Promise<DockerHealth>;

export interface ProbeContext {
  signal: AbortSignal;
  /** Where ${NAME} references are looked up; process.env by default. */
  env?: Record<string, string | undefined>;
  dockerHealth?: DockerHealthSource;
}
