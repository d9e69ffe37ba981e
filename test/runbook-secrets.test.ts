import { describe, it, expect, afterEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { httpServer, run, ScriptedOperator } from './runbook-support';
import { RunJournal } from '../src/runbooks/engine/run-journal';
import { renderReport } from '../src/runbooks/report';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => { await Promise.all(closers.splice(0).map((close) => close())); });

describe('secrets', () => {
  it('secret parameters and ${ENV} values reach the service but never the journal, audit log, report or screen', async () => {
    const seen: string[] = [];
    const api = await httpServer((req, res) => { seen.push(`${req.headers.authorization} ${req.headers['x-db']}`); res.writeHead(200).end('ok'); });
    closers.push(api.close);
    const operator = new ScriptedOperator();
    const { summary, state } = await run(`
id: secret
title: Secret
severity: P2
parameters:
  token: { secret: true, description: API token }
  user: { default: alice }
steps:
  - id: call
    kind: action
    title: Call the admin API
    change: "admin API called by {{user}} with {{token}}"
    action: { type: http, url: "${api.url}/admin", headers: { authorization: "Bearer {{token}}", x-db: "\${DB_PASSWORD}" } }
  - { id: echo, kind: action, title: Echo, action: { type: command, command: [echo, "{{token}} and \${DB_PASSWORD}"] } }
`, { params: { token: 's3cr3t-tok' }, env: { ...process.env, DB_PASSWORD: 'hunter2-pw' }, operator });
    expect(summary.outcome).toBe('succeeded');
    expect(seen).toEqual(['Bearer s3cr3t-tok hunter2-pw']);
    const journalText = readFileSync(summary.journalPath!, 'utf8');
    const auditText = readFileSync(state.audit.path, 'utf8');
    const report = renderReport(new RunJournal(summary.journalPath!).read());
    for (const text of [journalText, auditText, report, operator.notes.join('\n')]) {
      expect(text).not.toContain('s3cr3t-tok');
      expect(text).not.toContain('hunter2-pw');
    }
    expect(journalText).toContain('Bearer ***');
    expect(report).toContain('token=***');
    expect(report).toContain('admin API called by alice with ***');
    expect(report).toContain('*** and ***');
  });
});
