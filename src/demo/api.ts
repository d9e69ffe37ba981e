// Demo prediction API, shaped like seed 002's FastAPI service: /health with status,
// model_loaded and model_version, /version, POST /predict, /metrics with a request-duration
// histogram labelled by status. MODEL_VARIANT=ml loads $DEMO_DIR/models/ml-model.json (and
// watches it); baseline is built in. Drills: the faults file (latency, errors, ml variant
// only), a missing or corrupt artifact, and POST /control/flood (cleared by a restart).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Histogram, counter } from './histogram';
import { envPort, faultsReader, lifeline, log, serve, sleep } from './service-kit';

const variant = process.env.MODEL_VARIANT === 'baseline' ? 'baseline' : 'ml';
const artifact = join(process.env.DEMO_DIR ?? '.', 'models', 'ml-model.json');
const faults = faultsReader();
const duration = new Histogram('http_request_duration_seconds', 'Prediction API request duration', 'status');
let model: { version: string; threshold: number } | undefined;
let served = 0;
let flood: NodeJS.Timeout | undefined;

function loadModel(): void {
  if (variant === 'baseline') {
    model = { version: 'baseline-1.0', threshold: 0.5 };
    return;
  }
  if (!existsSync(artifact)) {
    if (model) log('ERROR', `model artifact ${artifact} is gone; model unloaded`);
    else log('ERROR', `failed to load model: ${artifact} not found; serving 503 until a model is loaded`);
    model = undefined;
    return;
  }
  if (model) return;
  try {
    model = JSON.parse(readFileSync(artifact, 'utf8')) as { version: string; threshold: number };
    log('INFO', `loaded model ${model.version} (variant ml)`);
  } catch (error) {
    log('ERROR', `failed to load model: artifact corrupt (${(error as Error).message})`);
    process.exit(1);
  }
}

async function predict(body: string): Promise<{ status: number; json: unknown }> {
  if (!model) return { status: 503, json: { detail: 'model not loaded' } };
  const f = variant === 'ml' ? faults() : {};
  if (f.latency_ms) await sleep(f.latency_ms * (0.8 + Math.random() * 0.4));
  else await sleep(5 + Math.random() * 20);
  if (f.error_rate && Math.random() < f.error_rate) {
    log('ERROR', 'Prediction error: model raised ValueError on feature vector');
    return { status: 500, json: { detail: 'prediction failed' } };
  }
  let features: { returns?: number[] } = {};
  try { features = JSON.parse(body || '{}'); } catch { return { status: 422, json: { detail: 'invalid JSON' } }; }
  const r = features.returns ?? [];
  const vol = Math.sqrt(r.reduce((a, x) => a + x * x, 0) / Math.max(1, r.length));
  const probability = Math.min(1, vol * 40);
  return { status: 200, json: { prediction: probability > model.threshold ? 1 : 0, probability, model_version: model.version } };
}

const port = envPort();
loadModel();
setInterval(loadModel, 1000).unref();
const server = await serve(port, async (req, url, body) => {
  switch (`${req.method} ${url.pathname}`) {
    case 'GET /health':
      return model
        ? { json: { status: 'healthy', model_loaded: true, model_version: model.version, variant } }
        : { status: 503, json: { status: 'unhealthy', model_loaded: false, model_version: null, variant } };
    case 'GET /version':
      return { json: { api_version: '1.0.0', model_version: model?.version ?? null, variant } };
    case 'GET /metrics':
      return { text: `${duration.text()}\n${counter('predictions_total', 'Predictions served', served)}\n` };
    case 'POST /control/flood':
      clearInterval(flood);
      flood = setInterval(() => { for (let i = 0; i < 200; i++) log('WARN', `debug dump: feature cache entry ${Math.random().toString(36).slice(2)} evicted`); }, 50);
      return { json: { flood: true } };
    case 'POST /predict': {
      const started = performance.now();
      const reply = await predict(body);
      duration.observe(String(reply.status), (performance.now() - started) / 1000);
      if (reply.status === 200) served++;
      return reply;
    }
    default:
      return { status: 404, json: { detail: 'not found' } };
  }
});
log('INFO', `prediction API (MODEL_VARIANT=${variant}) listening on http://127.0.0.1:${port}`);
lifeline(() => new Promise<void>((r) => server.close(() => r())));
