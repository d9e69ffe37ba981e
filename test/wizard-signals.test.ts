import { describe, it, expect } from 'vitest';
import { emptySnapshot, evidenceFor, matchSignals, type LiveSnapshot } from '../src/runbooks/signals';
import { loadRunbookLibrary } from '../src/runbooks/load';

const bundled = [...loadRunbookLibrary({ user: '/nonexistent' }).runbooks.values()].map((l) => l.runbook);
const live = (change: Partial<LiveSnapshot>): LiveSnapshot => ({ ...emptySnapshot(), ...change });

describe('signal matching', () => {
  it('offers nothing when everything is fine', () => {
    const calm = live({
      checks: [{ id: 'api', service: 'api', state: 'ok' }],
      lag: [{ group: 'volatility-predictor', totalLag: 3, timeLagSeconds: 1, level: 'ok' }],
      latency: [{ service: 'api', p95Ms: 120, errorPercent: 0, breaches: [] }],
      containers: [{ service: 'api', state: 'running', health: 'healthy' }],
    });
    expect(matchSignals(bundled, calm)).toEqual([]);
  });

  it('a failing health check with model_loaded=false offers the model runbooks first', () => {
    const offers = matchSignals(bundled, live({ checks: [{ id: 'api', service: 'api', state: 'down', error: 'HTTP 503; model_loaded was false (expected == true)' }] }));
    expect(offers.slice(0, 2).map((o) => o.runbook).sort()).toEqual(['model-not-loaded', 'rollback-baseline-model']);
    expect(offers[0].evidence).toContain('check api: down');
    // Generic "a check fails" runbooks are still offered, after the specific ones.
    expect(offers.map((o) => o.runbook)).toContain('system-health');
  });

  it('reads a field the check keeps instead of the error text', () => {
    const signal = { on: 'check', text: 't', state: 'down', field: 'model_loaded', equals: false } as const;
    expect(evidenceFor(signal, live({ checks: [{ id: 'api', service: 'api', state: 'down', fields: { model_loaded: 'false' } }] }))).toBeDefined();
    expect(evidenceFor(signal, live({ checks: [{ id: 'api', service: 'api', state: 'down', fields: { model_loaded: 'true' } }] }))).toBeUndefined();
    expect(evidenceFor(signal, live({ checks: [{ id: 'api', service: 'api', state: 'ok', fields: { model_loaded: 'false' } }] }))).toBeUndefined();
  });

  it('lag above a runbook threshold offers the lag runbooks, the larger threshold only when passed', () => {
    const at = (seconds: number) => matchSignals(bundled, live({ lag: [{ group: 'volatility-predictor', totalLag: 5000, timeLagSeconds: seconds, level: 'crit' }] })).map((o) => o.runbook);
    expect(at(60)).toEqual(['consumer-lag']);
    expect(at(400).sort()).toEqual(['clear-kafka-backlog', 'consumer-lag']);
    expect(at(10)).toEqual([]);
  });

  it('a p95 above the SLO offers high latency; an error rate above 5 % also the rollback', () => {
    const offers = matchSignals(bundled, live({ latency: [{ service: 'api', p95Ms: 950, errorPercent: 6, breaches: [] }] })).map((o) => o.runbook);
    expect(offers).toEqual(expect.arrayContaining(['high-latency', 'error-rate-spiking', 'rollback-baseline-model']));
    expect(matchSignals(bundled, live({ latency: [{ service: 'api', p95Ms: 700, errorPercent: 0.2, breaches: [] }] }))).toEqual([]);
  });

  it('container states: exited Kafka offers the Kafka runbook; unhealthy offers restarts', () => {
    const kafka = matchSignals(bundled, live({ containers: [{ service: 'kafka', state: 'exited' }] })).map((o) => o.runbook);
    expect(kafka[0]).toBe('kafka-connection-errors');
    const sick = matchSignals(bundled, live({ containers: [{ service: 'api', state: 'running', health: 'unhealthy' }] })).map((o) => o.runbook);
    expect(sick).toEqual(expect.arrayContaining(['service-restart', 'services-wont-start']));
  });
});
