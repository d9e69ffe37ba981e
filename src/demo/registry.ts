// Demo model-registry stand-in (MLflow's place in seed 002): /health, and the registered-models
// search the bundled runbooks probe.
import { envPort, lifeline, log, serve } from './service-kit';

const port = envPort();
const server = await serve(port, (req, url) => {
  if (url.pathname === '/health') return { json: { status: 'ok' } };
  if (url.pathname === '/api/2.0/mlflow/registered-models/search') {
    return { json: { registered_models: [{ name: 'volatility', latest_versions: [{ version: '3', current_stage: 'Production' }] }] } };
  }
  return { status: 404, json: { error_code: 'ENDPOINT_NOT_FOUND' } };
});
log('INFO', `model registry listening on http://127.0.0.1:${port}`);
lifeline(() => new Promise<void>((r) => server.close(() => r())));
