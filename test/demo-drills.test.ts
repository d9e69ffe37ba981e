// Each drill injected into one live demo stack, then resolved by its bundled runbook run
// headless (--yes) over the process runtime; the stack must be healthy again afterwards.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemo, type RunningDemo } from './demo-helpers';
import { findDrill } from '../src/demo/drills';
import { drillContext, runDrill } from '../src/demo/drill-runner';
import { processDrillServices } from '../src/demo/drill-services';

let demo: RunningDemo;
const env = { ...process.env, XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'opsdeck-drills-')) };

async function drill(name: string) {
  const lines: string[] = [];
  const outcome = await runDrill(findDrill(name)!, drillContext({ stack: demo.stack, services: processDrillServices(demo.source) }, demo.feed), { say: (l) => lines.push(l), env });
  const text = lines.join('\n');
  return { outcome, text };
}

describe('demo drills, resolved by their runbooks headless', () => {
  beforeAll(async () => { demo = await startDemo(); });
  afterAll(async () => { await demo?.stop(); });

  it.each([
    ['model-missing', 'model-not-loaded'],
    ['latency-spike', 'rollback-baseline-model'],
    ['error-spike', 'error-rate-spiking'],
    ['crash-loop', 'rollback-baseline-model'],
    ['log-flood', 'service-restart'],
    ['broker-down', 'kafka-connection-errors'],
  ])('%s is resolved by %s, with an incident report and the time to recovery', async (name, runbook) => {
    const { outcome, text } = await drill(name);
    expect(outcome).toMatchObject({ drill: name, runbook, exitCode: 0, recovered: true });
    expect(text).toContain('# Incident report');
    expect(text).toMatch(new RegExp(`drill ${name}: recovered; fault to recovery \\d+\\.\\d s`));
    expect(outcome.faultToRecoveryMs).toBeLessThan(30_000);
  }, 60_000);

  it('consumer-stall: lag passes 30 s, consumer-lag restarts the consumer and the lag falls back', async () => {
    const { outcome, text } = await drill('consumer-stall');
    expect(outcome).toMatchObject({ runbook: 'consumer-lag', exitCode: 0, recovered: true });
    expect(text).toContain('prediction-consumer: 1 container(s) restarted');
  }, 90_000);
});
