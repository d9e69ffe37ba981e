import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { RunJournal } from '../src/runbooks/engine/run-journal';
import { renderReport } from '../src/runbooks/report';
import { fillTitle } from '../src/runbooks/engine/interpolate';
import { run } from './runbook-support';

describe('step titles with parameters', () => {
  it('fills known {{parameters}} and leaves unknown ones as written', () => {
    expect(fillTitle('Restart {{service}} on {{ port }}', { service: 'api', port: 8000 })).toBe('Restart api on 8000');
    expect(fillTitle('Check {{missing}}', {})).toBe('Check {{missing}}');
  });

  it('journals, reports and prints the filled title, not the template', async () => {
    const { summary } = await run(`
id: titled
title: Titled
severity: P3
parameters: { service: { type: string, default: api } }
steps:
  - { id: ok, kind: check, title: "{{service}} answers", probe: { type: exec, command: ["true"] } }
`, { params: { service: 'prediction-consumer' } });
    expect(summary.outcome).toBe('succeeded');
    const events = new RunJournal(summary.journalPath!).read();
    expect(events.find((e) => e.type === 'step-start')).toMatchObject({ title: 'prediction-consumer answers' });
    const report = renderReport(events);
    expect(report).toContain('prediction-consumer answers');
    expect(report).not.toContain('{{service}}');
    expect(readFileSync(summary.journalPath!, 'utf8')).not.toContain('{{service}}');
  });
});
