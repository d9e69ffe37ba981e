// The faults the seeds describe, each with how to inject it into the demo stack, how to see it
// (the symptom), how to see it gone, and the bundled runbook that resolves it.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoStack } from './stack';
import { isReady, restartService, serviceStatus, stopService, type DrillServices } from './drill-services';
import type { Faults } from './service-kit';

export interface DrillContext {
  stack: DemoStack;
  services: DrillServices;
  /** Log lines per second of a service over the last couple of seconds. */
  logRate(service: string): number;
}

export interface Drill {
  name: string;
  title: string;
  runbook: string;
  params(stack: DemoStack): Record<string, string>;
  inject(ctx: DrillContext): Promise<void>;
  broken(ctx: DrillContext): Promise<boolean>;
  recovered(ctx: DrillContext): Promise<boolean>;
  /** How long the symptom may take to show. */
  showsWithinMs?: number;
}

export const setFaults = (stack: DemoStack, faults: Faults) => writeFileSync(join(stack.dir, 'faults.json'), JSON.stringify(faults));
const post = (url: string) => fetch(url, { method: 'POST' }).then((r) => r.text());

async function health(stack: DemoStack): Promise<{ status: number; model_loaded?: boolean }> {
  try {
    const response = await fetch(`${stack.urls.api}/health`, { signal: AbortSignal.timeout(2000) });
    const body = await response.json() as { model_loaded?: boolean };
    return { status: response.status, model_loaded: body.model_loaded };
  } catch {
    return { status: 0 };
  }
}

/** Statuses and durations of `n` predictions in a row. */
async function predictions(stack: DemoStack, n: number): Promise<{ status: number; ms: number }[]> {
  const out = [];
  for (let i = 0; i < n; i++) {
    const started = Date.now();
    const response = await fetch(`${stack.urls.api}/predict`, { method: 'POST', body: '{"returns":[0.01]}', signal: AbortSignal.timeout(5000) }).catch(() => undefined);
    await response?.text();
    out.push({ status: response?.status ?? 0, ms: Date.now() - started });
  }
  return out;
}

async function consumerLag(stack: DemoStack): Promise<number> {
  const text = await fetch(`${stack.urls.consumer}/metrics`, { signal: AbortSignal.timeout(2000) }).then((r) => r.text()).catch(() => '');
  const line = text.split('\n').find((l) => l.startsWith('volatility_consumer_lag_seconds '));
  return line ? Number(line.split(' ')[1]) : NaN;
}

const healthy = async (ctx: DrillContext) => { const h = await health(ctx.stack); return h.status === 200 && h.model_loaded === true; };
const api = (stack: DemoStack) => ({ api_url: stack.urls.api, service: 'api' });

export const DRILLS: Drill[] = [
  {
    name: 'model-missing', title: 'the ML model artifact disappears: /health answers 503, model_loaded false', runbook: 'model-not-loaded',
    params: (s) => ({ api_url: s.urls.api, mlflow_url: s.urls.registry }),
    inject: async ({ stack }) => rmSync(join(stack.dir, 'models', 'ml-model.json'), { force: true }),
    broken: async ({ stack }) => { const h = await health(stack); return h.status === 503 && h.model_loaded === false; },
    recovered: healthy,
  },
  {
    name: 'latency-spike', title: 'ML inference slows to ~1.2 s per prediction (p95 above the 800 ms SLO)', runbook: 'rollback-baseline-model',
    params: api,
    inject: async ({ stack }) => setFaults(stack, { latency_ms: 1200 }),
    broken: async ({ stack }) => (await predictions(stack, 1))[0].ms > 800,
    recovered: async ({ stack }) => (await predictions(stack, 3)).every((p) => p.status === 200 && p.ms < 300),
  },
  {
    name: 'error-spike', title: 'half the predictions fail with "Prediction error" (HTTP 500)', runbook: 'error-rate-spiking',
    params: (s) => ({ ...api(s), project_dir: s.dir }),
    inject: async ({ stack }) => setFaults(stack, { error_rate: 0.5 }),
    broken: async ({ stack }) => (await predictions(stack, 10)).filter((p) => p.status === 500).length >= 2,
    recovered: async ({ stack }) => (await predictions(stack, 10)).every((p) => p.status === 200),
  },
  {
    name: 'consumer-stall', title: 'the consumer hangs on a tick; lag grows past 30 s', runbook: 'consumer-lag', showsWithinMs: 45_000,
    params: (s) => ({ metrics_url: `${s.urls.consumer}/metrics`, project_dir: s.dir }),
    inject: async ({ stack }) => void await post(`${stack.urls.consumer}/control/stall`),
    broken: async ({ stack }) => (await consumerLag(stack)) > 30,
    recovered: async ({ stack }) => { const lag = await consumerLag(stack); return lag >= 0 && lag < 5 && (await consumerLag(stack)) < 5; },
  },
  {
    name: 'broker-down', title: 'the Kafka broker stops; producers and consumers fail to connect', runbook: 'kafka-connection-errors',
    params: (s) => ({ kafka_service: 'kafka', kafka_host: '127.0.0.1', kafka_port: String(s.ports.broker), project_dir: s.dir }),
    inject: async ({ services }) => stopService(services, 'kafka'),
    broken: async ({ services }) => (await serviceStatus(services, 'kafka')).state === 'exited',
    recovered: async ({ services, stack }) => (await Promise.all(['kafka', 'api', 'prediction-consumer'].map(async (s) => isReady(await serviceStatus(services, s))))).every(Boolean)
      && (await Promise.all([stack.urls.ingestor, stack.urls.consumer].map((u) => fetch(`${u}/health`).then((r) => r.ok).catch(() => false)))).every(Boolean),
  },
  {
    name: 'crash-loop', title: 'a corrupt ML artifact is deployed: the API crashes at start, again and again', runbook: 'rollback-baseline-model',
    params: api,
    inject: async ({ stack, services }) => { writeFileSync(join(stack.dir, 'models', 'ml-model.json'), '{"version": "xgb-2024.12.06", "thr'); await restartService(services, 'api'); },
    broken: async ({ services }) => ((await serviceStatus(services, 'api')).restarts ?? 0) >= 2,
    recovered: healthy,
  },
  {
    name: 'log-flood', title: 'the API floods its log with debug dumps (~4000 lines/s)', runbook: 'service-restart',
    params: (s) => ({ service: 'api', health_url: `${s.urls.api}/health` }),
    inject: async ({ stack }) => void await post(`${stack.urls.api}/control/flood`),
    broken: async (ctx) => ctx.logRate('api') > 500,
    recovered: async (ctx) => (await healthy(ctx)) && ctx.logRate('api') < 100,
  },
];

export function findDrill(name: string): Drill | undefined {
  return DRILLS.find((d) => d.name === name);
}
