// The demo stack, shaped like seed 002: broker, model registry, prediction API, ingestor and
// prediction consumer, each a bundled service (dist/demo/*.js) on a free 127.0.0.1 port, with a
// scratch directory holding the ML model artifact and the drills' faults file.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineService, type ServiceDef } from '../process/config-schema';

export interface DemoPorts { broker: number; registry: number; api: number; ingestor: number; consumer: number }

export interface DemoStack {
  dir: string;
  ports: DemoPorts;
  services: ServiceDef[];
  urls: { api: string; registry: string; consumer: string; ingestor: string; broker: string };
  topic: string;
  group: string;
  /** Removes the scratch directory (after the services have stopped). */
  dispose(): void;
}

/** Where the bundled services are: next to dist/opsdeck.js, or dist/demo from the sources. */
export function demoBundleDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'demo'), join(here, '..', '..', 'dist', 'demo')];
  const found = candidates.find((dir) => existsSync(join(dir, 'api.js')));
  if (!found) throw new Error(`the demo services are not built (looked in ${candidates.join(', ')}); run npm run build`);
  return found;
}

export async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(Array.from({ length: n }, () => new Promise<import('node:net').Server>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  })));
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

export const ML_MODEL = { version: 'xgb-2024.12.05', threshold: 0.45 };

export function writeModel(dir: string): void {
  mkdirSync(join(dir, 'models'), { recursive: true });
  writeFileSync(join(dir, 'models', 'ml-model.json'), JSON.stringify(ML_MODEL));
}

export async function demoStack(options: { rate?: number } = {}): Promise<DemoStack> {
  const [broker, registry, api, ingestor, consumer] = await freePorts(5);
  const ports = { broker, registry, api, ingestor, consumer };
  const dir = mkdtempSync(join(tmpdir(), 'opsdeck-demo-'));
  writeModel(dir);
  const bundles = demoBundleDir();
  const topic = 'crypto-features';
  const group = 'volatility-predictor';
  const url = (port: number) => `http://127.0.0.1:${port}`;
  const brokers = `127.0.0.1:${broker}`;
  const node = (name: string) => [process.execPath, join(bundles, `${name}.js`)];
  const common = { DEMO_DIR: dir, TOPIC: topic, NODE_NO_WARNINGS: '1', KAFKAJS_NO_PARTITIONER_WARNING: '1' };
  const quick = { interval: '1s', timeout: '1s', retries: 2 };
  const backoff = { min: '500ms', max: '8s' };
  const services = [
    defineService('kafka', { command: node('broker'), env: { ...common, PORT: String(broker) }, health: { tcp: brokers, ...quick }, ports: [brokers], stop_grace: '2s', backoff }),
    defineService('mlflow', { command: node('registry'), env: { ...common, PORT: String(registry) }, health: { http: `${url(registry)}/health`, ...quick }, ports: [`127.0.0.1:${registry}`], stop_grace: '2s', backoff }),
    defineService('api', {
      command: node('api'), env: { ...common, PORT: String(api), MODEL_VARIANT: 'ml', REGISTRY_URL: url(registry) },
      depends_on: ['mlflow'], health: { http: `${url(api)}/health`, ...quick }, ports: [`127.0.0.1:${api}`], stop_grace: '2s', backoff,
    }),
    defineService('ingestor', {
      command: node('ingestor'), env: { ...common, PORT: String(ingestor), BROKERS: brokers, RATE: String(options.rate ?? 5) },
      depends_on: ['kafka'], health: { http: `${url(ingestor)}/health`, ...quick, retries: 5 }, ports: [`127.0.0.1:${ingestor}`], stop_grace: '2s', backoff,
    }),
    defineService('prediction-consumer', {
      command: node('consumer'), env: { ...common, PORT: String(consumer), BROKERS: brokers, GROUP: group, API_URL: url(api) },
      depends_on: ['kafka', 'api'], health: { http: `${url(consumer)}/health`, ...quick }, ports: [`127.0.0.1:${consumer}`], stop_grace: '2s', backoff,
    }),
  ];
  return {
    dir, ports, services, topic, group,
    urls: { api: url(api), registry: url(registry), consumer: url(consumer), ingestor: url(ingestor), broker: brokers },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
