import { describe, it, expect } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../src/config/load';
import { loadRunbookLibrary, parseRunbook } from '../src/runbooks/load';

function problems(text: string): string[] {
  try {
    parseRunbook(text, 'rb.yaml');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the runbook to be rejected');
}

const head = 'id: t\ntitle: T\nseverity: P1\n';

describe('loading runbooks', () => {
  it('names file, line and column of a misspelt key inside a step, with the keys allowed there', () => {
    expect(problems(`${head}steps:\n  - id: a\n    kind: check\n    title: A\n    probe:\n      type: http\n      url: http://x\n      jsn: [a]\n`)).toEqual([
      'rb.yaml:11:7: unknown key "jsn" in steps.0.probe; expected one of: type, url, method, headers, body, status, json, contains',
    ]);
  });

  it('points at a wrong step kind, a bad severity and a bad duration', () => {
    const found = problems(`id: t\ntitle: T\nseverity: P5\nsteps:\n  - { id: a, kind: chek, title: A }\n  - { id: b, kind: manual, title: B, instruction: x, timeout: soon }\n`);
    expect(found[0]).toMatch(/^rb\.yaml:3:11: severity: .*"P0".*"P3"/);
    expect(found[1]).toMatch(/^rb\.yaml:5:20: steps\.0\.kind: Invalid discriminator value\. Expected 'check' \| 'action' \| 'manual' \| 'decision', got "chek"/);
    expect(found[2]).toMatch(/^rb\.yaml:6:63: steps\.1\.timeout: expected a duration like 500ms, 2s or 1m, got "soon"/);
  });

  it('reports branches to missing steps, verify of non-checks and undeclared parameters where they are written', () => {
    const found = problems(`${head}steps:
  - { id: a, kind: manual, title: A, instruction: "restart {{servce}}", on_fail: nowhere }
  - { id: b, kind: action, title: B, action: { type: restart, service: api }, verify: [a] }
`);
    expect(found).toEqual([
      'rb.yaml:5:51: steps.0.instruction: unknown parameter "servce"; declare it under parameters, got "restart {{servce}}"',
      'rb.yaml:5:82: steps.0.on_fail: no step "nowhere"; expected a step id or one of next, end, fail, got "nowhere"',
      'rb.yaml:6:88: steps.1.verify.0: "a" is not a check step of this runbook, got "a"',
    ]);
    expect(found.every((p) => /^rb\.yaml:\d+:\d+: /.test(p))).toBe(true);
  });

  it('a one-string command without `shell: true` is an error at load, not at 3 a.m.', () => {
    expect(problems(`${head}steps: [ { id: a, kind: action, title: A, action: { type: command, command: "docker compose down" } } ]\n`)).toEqual([
      'rb.yaml:4:77: steps.0.action.command: a command written as one string runs in a shell: add `shell: true`, or write it as an argument array, got "docker compose down"',
    ]);
  });

  it('a user runbook replaces the bundled one with its id; a broken file does not hide the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rb-lib-'));
    mkdirSync(join(dir, 'bundled'));
    mkdirSync(join(dir, 'user'));
    const rb = (title: string) => `id: same\ntitle: ${title}\nseverity: P3\nsteps: [ { id: a, kind: manual, title: A, instruction: x } ]\n`;
    writeFileSync(join(dir, 'bundled', 'same.yaml'), rb('Bundled'));
    writeFileSync(join(dir, 'user', 'same.yaml'), rb('Mine'));
    writeFileSync(join(dir, 'user', 'broken.yaml'), 'id: broken\ntitle: [\n');
    const library = loadRunbookLibrary({ bundled: join(dir, 'bundled'), user: join(dir, 'user') });
    expect(library.runbooks.get('same')).toMatchObject({ origin: 'user', runbook: { title: 'Mine' } });
    expect(library.problems).toHaveLength(1);
    expect(library.problems[0]).toMatch(/broken\.yaml:\d+:\d+: /);
  });
});
