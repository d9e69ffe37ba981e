// The runbook commands through the real bin/opsdeck (dist/ built by the global setup).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { httpServer } from './runbook-support';

const home = mkdtempSync(join(tmpdir(), 'opsdeck-rbcli-'));
const marker = join(home, 'touched');
let server: Awaited<ReturnType<typeof httpServer>>;

/** Async, so the test's own HTTP server keeps answering while the CLI runs. */
function opsdeck(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('bin/opsdeck', args, { env: { ...process.env, DOCKER_HOST: inject('dockerHost'), XDG_STATE_HOME: join(home, 'state'), XDG_CONFIG_HOME: join(home, 'config'), NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.stdin.end();
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  server = await httpServer((req, res) => { res.writeHead(req.url === '/health' ? 200 : 404); res.end('{"model_loaded": true}'); });
  mkdirSync(join(home, 'config', 'opsdeck', 'runbooks'), { recursive: true });
  writeFileSync(join(home, 'config', 'opsdeck', 'runbooks', 'cli-test.yaml'), `
id: cli-test
title: CLI test procedure
severity: P2
signals: [{ on: manual, text: "a test wants it" }]
parameters:
  url: { type: url, default: "${server.url}" }
  target: { default: "${marker}" }
steps:
  - { id: health, kind: check, title: Health answers, probe: { type: http, url: "{{url}}/health", json: ["model_loaded == true"] } }
  - id: touch
    kind: action
    title: Touch the marker
    destructive: true
    change: "the marker file exists"
    action: { type: command, command: [touch, "{{target}}"] }
`);
});
afterAll(() => server.close());

describe('opsdeck run, report and runbook (real binary)', () => {
  it('runbook list shows id, severity, title and signals, the user runbook included', async () => {
    const { code, stdout } = await opsdeck(['runbook', 'list']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ID\s+SEV\s+TITLE\s+SIGNALS/);
    expect(stdout).toMatch(/model-not-loaded\s+P1\s+API returns 503 "model not loaded"\s+API health check fails with model_loaded=false/);
    expect(stdout).toMatch(/cli-test\s+P2\s+CLI test procedure \(yours\)\s+a test wants it/);
  });

  it('run --dry-run shows the exact command and changes nothing (exit 0)', async () => {
    const { code, stdout } = await opsdeck(['run', 'cli-test', '--dry-run', '--param', `target=${marker}-dry`]);
    expect(code).toBe(0);
    expect(stdout).toContain(`would: run on this machine: touch ${marker}-dry`);
    expect(existsSync(`${marker}-dry`)).toBe(false);
  });

  it('usage errors exit 2: unknown runbook, bad --param, unknown parameter', async () => {
    expect((await opsdeck(['run', 'no-such-runbook'])).code).toBe(2);
    expect((await opsdeck(['run', 'cli-test', '--param', 'nonsense'])).code).toBe(2);
    const unknown = await opsdeck(['run', 'cli-test', '--param', 'colour=blue']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown parameter "colour"/);
  });

  it('without --yes and without a terminal a destructive step is declined (exit 3); with --yes it runs (exit 0), and report writes the timeline', async () => {
    const declined = await opsdeck(['run', 'cli-test']);
    expect(declined.code).toBe(3);
    expect(existsSync(marker)).toBe(false);
    const done = await opsdeck(['run', 'cli-test', '--yes']);
    expect(done.code).toBe(0);
    expect(existsSync(marker)).toBe(true);
    const runId = /run (\S+): succeeded/.exec(done.stdout)?.[1];
    expect(runId).toBeDefined();
    const out = join(home, 'report.md');
    const report = await opsdeck(['report', runId!, '-o', out]);
    expect(report.code).toBe(0);
    const markdown = readFileSync(out, 'utf8');
    expect(markdown).toContain('Touch the marker');
    expect(markdown).toContain('the marker file exists');
    expect((await opsdeck(['report', 'no-such-run'])).code).toBe(2);
  });

  it('runbook import turns a seed into a draft; an existing file needs --force', async () => {
    const out = join(home, 'draft.yaml');
    const first = await opsdeck(['runbook', 'import', '/work/shared/seeds/002_e0696385381fc935.txt', '-o', out]);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/wrote .*draft\.yaml: \d+ steps, \d+ marked needs_review/);
    expect(readFileSync(out, 'utf8')).toMatch(/needs_review: true/);
    expect((await opsdeck(['runbook', 'import', '/work/shared/seeds/002_e0696385381fc935.txt', '-o', out])).code).toBe(2);
    expect((await opsdeck(['runbook', 'import', '/work/shared/seeds/002_e0696385381fc935.txt', '-o', out, '--force'])).code).toBe(0);
  });
});
