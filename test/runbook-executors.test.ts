import { describe, it, expect, afterEach } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { httpServer, run } from './runbook-support';
import { RunJournal } from '../src/runbooks/engine/run-journal';
import { renderReport } from '../src/runbooks/report';
import type { OffsetResetter } from '../src/runbooks/engine/types';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => { await Promise.all(closers.splice(0).map((close) => close())); });

describe('action executors', () => {
  it('backs up paths into a tar that holds them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rb-backup-'));
    mkdirSync(join(dir, 'models'));
    writeFileSync(join(dir, 'models', 'xgboost_model.pkl'), 'weights');
    writeFileSync(join(dir, 'config.yaml'), 'a: 1');
    const { summary } = await run(`
id: backup
title: Backup
severity: P3
steps: [ { id: b, kind: action, title: Back up, action: { type: backup, cwd: "${dir}", paths: [models, config.yaml], to: "${dir}/out/backup.tgz" } } ]
`);
    expect(summary.outcome).toBe('succeeded');
    expect(execFileSync('tar', ['-tzf', join(dir, 'out', 'backup.tgz')]).toString().split('\n').filter(Boolean).sort())
      .toEqual(['config.yaml', 'models/', 'models/xgboost_model.pkl']);
  });

  it('generates N requests of load, a few at a time, and tallies the answers', async () => {
    let inFlight = 0;
    let most = 0;
    let count = 0;
    const api = await httpServer((req, res) => {
      inFlight++;
      most = Math.max(most, inFlight);
      const n = ++count;
      req.resume();
      setImmediate(() => { inFlight--; res.writeHead(n % 5 === 0 ? 500 : 200).end(); });
    });
    closers.push(api.close);
    const { summary } = await run(`
id: load
title: Load
severity: P3
parameters: { n: { type: integer, default: 25 } }
steps: [ { id: l, kind: action, title: Load, action: { type: load, url: "${api.url}/predict", body: '{"price": 50000.0}', count: "{{n}}", concurrency: 3 } } ]
`);
    expect(summary.outcome).toBe('succeeded');
    expect(count).toBe(25);
    expect(most).toBeLessThanOrEqual(3);
    const end = new RunJournal(summary.journalPath!).read().find((e) => e.type === 'step-end');
    expect(end).toMatchObject({ summary: expect.stringMatching(/^25 of 25 requests to .*: 20 × HTTP 200, 5 × HTTP 500$/) });
  });

  it('an HTTP action fails on an unexpected status, quoting the answer', async () => {
    const api = await httpServer((_req, res) => res.writeHead(409).end('reload already running'));
    closers.push(api.close);
    const { summary } = await run(`
id: http
title: HTTP
severity: P3
steps: [ { id: h, kind: action, title: Reload, action: { type: http, url: "${api.url}/reload" } } ]
`);
    expect(summary.outcome).toBe('failed');
    expect(summary.message).toContain(`POST ${api.url}/reload answered HTTP 409: reload already running`);
  });

  it('a consumer-group reset shows up in the report as what changed from normal', async () => {
    const requests: unknown[] = [];
    const offsets: OffsetResetter = {
      async reset(request) {
        requests.push(request);
        return { skipped: 12_345, replayed: 0, describe: `reset ${request.group} on ${request.topic} to latest` };
      },
    };
    const { summary } = await run(`
id: reset
title: Clear backlog
severity: P1
steps: [ { id: r, kind: action, title: Reset, action: { type: reset_offsets, group: volatility-predictor, topic: crypto-features, to: latest } } ]
`, { offsets });
    expect(summary.outcome).toBe('succeeded');
    expect(requests).toEqual([{ group: 'volatility-predictor', topic: 'crypto-features', to: 'latest', timestamp: undefined }]);
    expect(renderReport(new RunJournal(summary.journalPath!).read())).toContain('## Changed from normal\n\n- group volatility-predictor skipped 12,345 messages on crypto-features');
  });
});

describe('probes', () => {
  it('reads a Prometheus metric and compares it with a threshold', async () => {
    const api = await httpServer((_req, res) => res.end('# TYPE lag gauge\nvolatility_consumer_lag_seconds{partition="0"} 40\nvolatility_consumer_lag_seconds{partition="1"} 5\n'));
    closers.push(api.close);
    const { summary } = await run(`
id: metric
title: Metric
severity: P3
steps:
  - { id: m, kind: check, title: Lag below 30, probe: { type: metric, url: "${api.url}", name: volatility_consumer_lag_seconds, below: 30 }, on_fail: next }
  - { id: p, kind: check, title: Partition 1 below 30, probe: { type: metric, url: "${api.url}", name: volatility_consumer_lag_seconds, labels: { partition: "1" }, below: 30 } }
`);
    expect(summary.outcome).toBe('succeeded');
    const ends = new RunJournal(summary.journalPath!).read().filter((e) => e.type === 'step-end');
    expect(ends.map((e) => e.type === 'step-end' && `${e.result}: ${e.summary}`)).toEqual([
      'fail: volatility_consumer_lag_seconds is 45 (not below 30)',
      'pass: volatility_consumer_lag_seconds{partition="1"} is 5',
    ]);
  });

  it('a TCP check to a closed port fails with "connection refused"', async () => {
    const api = await httpServer((_req, res) => res.end());
    const port = new URL(api.url).port;
    await api.close();
    const { summary } = await run(`
id: tcp
title: TCP
severity: P3
steps: [ { id: t, kind: check, title: Port open, probe: { type: tcp, port: ${port} } } ]
`);
    expect(summary.outcome).toBe('failed');
    expect(summary.message).toContain(`127.0.0.1:${port}: connection refused`);
  });
});
