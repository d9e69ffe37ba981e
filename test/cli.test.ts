import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { opsdeck } from './harness/cli';
import { testDocker, runContainer, removeProject, waitFor } from './harness/containers';

const project = 'cliproj';
const docker = testDocker();
// Everything a container could print to take over a terminal, plus invalid UTF-8 and a 1 MB line.
const HOSTILE = [
  `printf 'title\\033]0;pwned\\007 clip\\033]52;c;ZXZpbA==\\007 clear\\033[2J\\033[H move\\033[5A bell\\007 c1\\302\\233 done\\n'`,
  `printf 'bad utf8 \\377\\376 ok\\n'`,
  `printf '\\033[31mred\\033[0m\\n'`,
  `head -c 1048576 /dev/zero | tr '\\0' x; echo`,
  `echo after-the-huge-line`,
  `echo to-stderr >&2`,
].join('; ');

describe('headless commands', () => {
  beforeAll(async () => {
    await removeProject(docker, project);
    await runContainer(docker, { project, service: 'api', cmd: ['sh', '-c', `${HOSTILE}; while true; do echo api tick; sleep 0.2; done`] });
    await runContainer(docker, { project, service: 'worker', cmd: ['sh', '-c', 'echo worker started; sleep 600'] });
    const crashed = await runContainer(docker, { project, service: 'migrate', cmd: ['sh', '-c', 'echo migration failed >&2; exit 3'] });
    await waitFor('migrate exited', async () => (await crashed.inspect()).State.Status === 'exited');
  });
  afterAll(() => removeProject(docker, project));

  it('status prints the project and exits 1 while a service is down', () => {
    const { code, stdout } = opsdeck(['status', '-p', project]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^PROJECT\s+SERVICE\s+CONTAINER\s+STATE\s+HEALTH\s+UPTIME\s+RESTARTS\s+PORTS/);
    expect(stdout).toMatch(/cliproj\s+migrate\s+cliproj-migrate-1\s+exited\(3\)/);
    expect(stdout).toMatch(/1 failing: cliproj-migrate-1/);
  });

  it('status --json is a snapshot scripts can read', () => {
    const { code, stdout } = opsdeck(['status', '--json', '-p', project]);
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(json.docker.status).toBe('up');
    expect(json.containers.map((c: { service: string }) => c.service)).toEqual(['api', 'migrate', 'worker']);
    expect(json.failing).toEqual(['cliproj-migrate-1']);
    expect(json.containers[0].uptimeSeconds).toBeGreaterThanOrEqual(0);
  });

  it('status exits 2 with the error when Docker is unreachable', () => {
    const { code, stderr } = opsdeck(['status'], { DOCKER_HOST: 'unix:///nonexistent/docker.sock' });
    expect(code).toBe(2);
    expect(stderr).toBe('opsdeck: Docker unreachable at unix:///nonexistent/docker.sock: cannot connect to Docker at /nonexistent/docker.sock: no such socket\n');
  });

  it('logs merges services, marks stderr, and lets nothing but colour reach a terminal', async () => {
    await waitFor('ticks', () => opsdeck(['logs', '-p', project, 'api']).stdout.includes('api tick'));
    const { code, stdout } = opsdeck(['logs', '-p', project]);
    expect(code).toBe(0);
    // The OSC title and clipboard strings vanish whole; an 8-bit CSI eats its parameters like a terminal would.
    expect(stdout).toContain('api     |title clip clear move bell c1one');
    expect(stdout).toContain('api     |bad utf8 \ufffd\ufffd ok');
    expect(stdout).toContain('api     |red');
    expect(stdout).toContain('api    !|to-stderr');
    expect(stdout).toContain('migrate!|migration failed');
    expect(stdout).toContain('worker  |worker started');
    expect(stdout).toMatch(/api     \|x{16000,16384} \[line cut: \+1\d{3}KiB\]\n/);
    expect(stdout).toContain('api     |after-the-huge-line');
    // piped output: no escape sequence at all, not even colour
    expect(stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f]/);
  });

  it('logs --grep filters, ! inverts, and services narrow the set', () => {
    const only = opsdeck(['logs', '-p', project, '--grep', 'started|failed']).stdout.trim().split('\n');
    expect(only).toEqual(['worker  |worker started', 'migrate!|migration failed']);
    const inverted = opsdeck(['logs', '-p', project, 'worker', '--grep', '!started']).stdout;
    expect(inverted).toBe('');
    const one = opsdeck(['logs', '-p', project, 'migrate']).stdout;
    expect(one).toBe('migrate!|migration failed\n');
  });

  it('refuses a bad config with file, line and column, before any UI', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opsdeck-cli-'));
    const file = join(dir, 'opsdeck.yaml');
    writeFileSync(file, 'logs:\n  buffer: -5\n');
    const { code, stdout, stderr } = opsdeck(['-c', file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`opsdeck: ${file}:2:11: logs.buffer: expected lines kept per service above 0, got -5\n`);
  });

  it('the cockpit refuses to start without a terminal and says what to use instead', () => {
    const { code, stderr } = opsdeck([]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/needs a terminal.*opsdeck status.*opsdeck logs/);
  });
});
