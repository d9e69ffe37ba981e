import { describe, it, expect } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importCommand, reportCommand, runRunbookCommand } from '../src/runbooks/run-command';
import { loadRunbookFile } from '../src/runbooks/load';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'rb-cmd-'));
  const lines: string[] = [];
  const env = { ...process.env, XDG_STATE_HOME: join(dir, 'state'), XDG_CONFIG_HOME: join(dir, 'config') };
  const io = { env, stdout: (l: string) => lines.push(l), stderr: (l: string) => lines.push(l) };
  return { dir, lines, env, io };
}

const base = { params: {}, dryRun: false, yes: false, dockerHost: 'unix:///nonexistent.sock' };

describe('headless commands', () => {
  it('`run` of an unknown runbook exits 2 and lists the runbooks there are', async () => {
    const { lines, io } = setup();
    expect(await runRunbookCommand({ ...base, ...io, id: 'no-such-thing' })).toBe(2);
    expect(lines.at(-1)).toMatch(/^unknown runbook "no-such-thing"; available: .*model-not-loaded/);
  });

  it('`run` with a bad or unknown parameter exits 2 and says which', async () => {
    const { lines, io } = setup();
    expect(await runRunbookCommand({ ...base, ...io, id: 'port-conflict', params: { port: 'eighty', colour: 'red' } })).toBe(2);
    expect(lines).toEqual([
      'unknown parameter "colour"; port-conflict takes: port, pid',
      'parameter "port": expected a whole number, got "eighty"',
    ]);
  });

  it('`run --dry-run` prints what every action would do, exits 0 and leaves no journal', async () => {
    const { lines, io, dir } = setup();
    expect(await runRunbookCommand({ ...base, ...io, id: 'emergency-shutdown', dryRun: true, params: { project_dir: '/srv/stack' } })).toBe(0);
    const text = lines.join('\n');
    expect(text).toContain('would: run on this machine in /srv/stack: docker compose kill');
    expect(text).toContain('destructive: the operator types "emergency-shutdown" to confirm');
    expect(existsSync(join(dir, 'state', 'opsdeck', 'runs'))).toBe(false);
  });

  it('`run` without --yes and without a terminal declines destructive steps and exits 3', async () => {
    const { lines, io, dir } = setup();
    const user = drill(dir);
    const code = await runRunbookCommand({ ...base, ...io, id: 'p0-drill', dirs: { user } });
    expect(code).toBe(3);
    expect(lines.join('\n')).toContain('Touch: type "p0-drill" to confirm: declined (no terminal to ask; rerun with --yes)');
    expect(existsSync(join(dir, 'touched'))).toBe(false);
  });

  it('`report` writes the newest run as Markdown; an unknown run exits 2', async () => {
    const { lines, io, dir } = setup();
    expect(await reportCommand({ ...io })).toBe(2);
    expect(lines.at(-1)).toMatch(/^no runbook runs in .* yet$/);
    expect(await runRunbookCommand({ ...base, ...io, id: 'p0-drill', yes: true, dirs: { user: drill(dir) } })).toBe(0);
    expect(existsSync(join(dir, 'touched'))).toBe(true);
    const out = join(dir, 'report.md');
    expect(await reportCommand({ ...io, out })).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('# Incident report: P0 drill');
    expect(await reportCommand({ ...io, run: 'nope' })).toBe(2);
  });

  it('`runbook import` writes a draft to the user runbooks dir, refuses to overwrite, and the draft is refused until reviewed', async () => {
    const { lines, io, dir, env } = setup();
    const md = join(dir, 'ops.md');
    writeFileSync(md, '# Ops\n\n## Restart\n\n```bash\ndocker compose restart api\ncurl http://localhost:8000/health\n```\n');
    expect(await importCommand({ ...io, file: md })).toBe(0);
    const target = join(env.XDG_CONFIG_HOME, 'opsdeck', 'runbooks', 'ops.yaml');
    expect(loadRunbookFile(target).steps.map((s) => s.kind)).toEqual(['action', 'check']);
    expect(lines.at(-1)).toBe(`wrote ${target}: 2 steps, 1 marked needs_review; review them before running`);
    expect(await importCommand({ ...io, file: md })).toBe(2);
    expect(lines.at(-1)).toBe(`${target} exists; pass --force to overwrite it`);
    expect(await runRunbookCommand({ ...base, ...io, id: 'ops', yes: true })).toBe(4);
    expect(lines.at(-1)).toContain('has 1 imported action(s) not yet reviewed (restart-1)');
  });
});

/** A user runbook: a P0 drill whose one step is a destructive local command. */
function drill(dir: string): string {
  const user = join(dir, 'user-runbooks');
  mkdirSync(user, { recursive: true });
  writeFileSync(join(user, 'drill.yaml'), `id: p0-drill
title: P0 drill
severity: P0
signals: [ { on: manual, text: a drill } ]
steps: [ { id: touch, kind: action, title: Touch, destructive: true, action: { type: command, command: [touch, "${join(dir, 'touched')}"] } } ]
`);
  return user;
}
