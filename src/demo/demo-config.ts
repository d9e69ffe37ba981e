// The opsdeck config for the demo stack: a check per /health (and Kafka's port), latency from
// the API's and the consumer's /metrics, lag for the consumer group, and a PostgreSQL check when
// one is reachable (PGHOST/PGPORT, else 127.0.0.1:5432).
import { connect } from 'node:net';
import { parseConfig } from '../config/load';
import type { Config } from '../config/schema';
import type { DemoStack } from './stack';

export interface Postgres { host: string; port: number; user: string; present: boolean }

export function postgresTarget(env: NodeJS.ProcessEnv = process.env): Omit<Postgres, 'present'> {
  return { host: env.PGHOST || '127.0.0.1', port: Number(env.PGPORT) || 5432, user: env.PGUSER || 'postgres' };
}

export function reachable(host: string, port: number, timeoutMs = 300): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: timeoutMs });
    const done = (ok: boolean) => { socket.destroy(); resolve(ok); };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

export async function findPostgres(env: NodeJS.ProcessEnv = process.env): Promise<Postgres> {
  const target = postgresTarget(env);
  return { ...target, present: !target.host.startsWith('/') && await reachable(target.host, target.port) };
}

export function demoConfig(stack: DemoStack, postgres?: Postgres): Config {
  const { urls } = stack;
  const http = (name: string, url: string, extra: object = {}) => ({ name, type: 'http', url: `${url}/health`, interval: '2s', timeout: '1s', ...extra });
  const [host, port] = urls.broker.split(':');
  const raw = {
    project: 'demo',
    refresh: '1s',
    logs: { tail: 0 },
    checks: [
      http('api', urls.api, { json: ['model_loaded == true'], fields: ['model_loaded', 'model_version', 'status'] }),
      http('mlflow', urls.registry),
      http('ingestor', urls.ingestor),
      http('prediction-consumer', urls.consumer),
      { name: 'kafka', type: 'tcp', host, port: Number(port), interval: '2s', timeout: '1s' },
      ...(postgres?.present ? [{ name: 'postgres', type: 'postgres', host: postgres.host, port: postgres.port, user: postgres.user, interval: '5s', timeout: '2s' }] : []),
    ],
    metrics: {
      api: { url: `${urls.api}/metrics`, histogram: 'http_request_duration_seconds', window: '30s', interval: '2s', timeout: '1s' },
      'prediction-consumer': { url: `${urls.consumer}/metrics`, histogram: 'consumer_processing_seconds', window: '30s', interval: '2s', timeout: '1s' },
    },
    kafka: {
      brokers: [urls.broker], client_id: 'opsdeck-demo', groups: [stack.group], topics: [stack.topic], poll: '2s',
      consumer_metrics: [{ group: stack.group, url: `${urls.consumer}/metrics` }],
    },
  };
  return parseConfig(JSON.stringify(raw), '(demo)');
}
