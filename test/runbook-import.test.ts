import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importMarkdown } from '../src/runbooks/import-markdown';
import type { ActionStep, CheckStep } from '../src/runbooks/schema';

const seeds = '/work/shared/seeds';
const seedFiles = readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort();

describe('importing Markdown runbooks', () => {
  it.each(seedFiles)('seed %s imports to a runbook that validates', (name) => {
    const text = readFileSync(join(seeds, name), 'utf8');
    const { runbook, yaml } = importMarkdown(text, name);
    expect(runbook.steps.length).toBeGreaterThan(3);
    const lines = text.split('\n');
    for (const step of runbook.steps) {
      expect(step.source_line).toBeGreaterThan(0);
      if (step.kind === 'check' && !(step.probe.type === 'exec' && step.probe.shell)) {
        const first = (step as CheckStep).probe.type === 'exec' ? ((step as CheckStep).probe as { command: string[] }).command[0] : '';
        expect(lines[step.source_line! - 1]).toContain(first);
      }
    }
    expect(yaml).toContain('needs_review: true');
  });
});

describe('what an imported command becomes', () => {
  const md = [
    '# Kafka Backlog Runbook',              // 1
    '',                                     // 2
    '## Check the consumer',                // 3
    '',                                     // 4
    'Look at the lag before touching anything.', // 5
    '```bash',                              // 6
    '# Consumer status',                    // 7
    'docker compose ps prediction-consumer',// 8
    'curl -s http://localhost:8001/metrics | grep consumer_lag', // 9
    'docker compose logs -f prediction-consumer', // 10
    '```',                                  // 11
    '',                                     // 12
    '## Fix it',                            // 13
    '',                                     // 14
    '```bash',                              // 15
    'cd docker',                            // 16
    'docker compose restart [service-name]  # bounce it', // 17
    'curl -X DELETE http://localhost:8000/cache', // 18
    'kill -9 <PID>',                        // 19
    'sleep 20',                             // 20
    '```',                                  // 21
  ].join('\n');
  const { runbook } = importMarkdown(md, 'backlog.md');
  const step = (line: number) => runbook.steps.find((s) => s.source_line === line)!;

  it('keeps the title, the headings and the paragraph before a fence', () => {
    expect(runbook).toMatchObject({ id: 'kafka-backlog-runbook', title: 'Kafka Backlog Runbook' });
    expect(step(8)).toMatchObject({ id: 'check-the-consumer-1', title: 'Consumer status', description: 'Look at the lag before touching anything.' });
  });

  it('turns read-only commands into checks, with a shell only for pipes', () => {
    expect(step(8)).toMatchObject({ kind: 'check', probe: { type: 'exec', command: ['docker', 'compose', 'ps', 'prediction-consumer'], shell: false } });
    expect(step(9)).toMatchObject({ kind: 'check', probe: { type: 'exec', command: ['curl -s http://localhost:8001/metrics | grep consumer_lag'], shell: true } });
    expect(step(10)).toMatchObject({ kind: 'manual' });
  });

  it('turns mutating commands into destructive actions that need review, placeholders into parameters', () => {
    for (const line of [17, 18, 19]) expect(step(line)).toMatchObject({ kind: 'action', destructive: true, needs_review: true });
    expect((step(17) as ActionStep).action).toEqual({ type: 'command', command: ['docker', 'compose', 'restart', '{{service_name}}'], shell: false, cwd: 'docker', env: {}, exit_code: 0 });
    expect((step(19) as ActionStep).action).toMatchObject({ command: ['kill', '-9', '{{pid}}'] });
    expect(Object.keys(runbook.parameters).sort()).toEqual(['pid', 'service_name']);
    expect(step(20)).toMatchObject({ kind: 'action', needs_review: false, timeout: 30_000 });
  });
});
