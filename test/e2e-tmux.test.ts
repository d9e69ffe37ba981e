import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { inject } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTerminal, expectRestored } from './harness/tmux';
import { testDocker, runContainer, removeProject } from './harness/containers';

const project = 'e2eproj';
const docker = testDocker();
const state = mkdtempSync(join(tmpdir(), 'opsdeck-e2e-state-'));
const env = () => ({ DOCKER_HOST: inject('dockerHost'), LANG: 'en_US.UTF-8', TERM: 'xterm-256color', XDG_STATE_HOME: state });

describe('the real opsdeck in a real terminal (tmux)', () => {
  beforeAll(async () => {
    await removeProject(docker, project);
    await runContainer(docker, { project, service: 'api', cmd: ['sh', '-c', 'trap "exit 0" TERM; while true; do echo api tick; sleep 0.3; done'] });
    await runContainer(docker, { project, service: 'worker', cmd: ['sh', '-c', 'trap "exit 0" TERM; while true; do echo worker WARN slow batch >&2; sleep 0.5; done'] });
  });
  afterAll(() => removeProject(docker, project));

  it('at 80x24: panes, help, logs of one service, a restart, and q leaves the terminal as it was', async () => {
    const term = openTerminal(['-p', project], env());
    try {
      const first = await term.waitForScreen((s) => /› api\s+e2eproj-api-1\s+running/.test(s) && s.includes('api tick'), 'first frame');
      expect(term.display('#{alternate_on}')).toBe('1');
      expect(first.split('\n')[0]).toMatch(/^opsdeck\s+docker \d+/);
      term.keys('?');
      const help = await term.waitForScreen((s) => s.includes('Keys —'), 'help');
      // The panes stay beneath the help, not drawn: nothing of them shows between its lines.
      expect(help).not.toMatch(/api tick|CONTAINER|e2eproj-api-1/);
      term.keys('Escape');
      // A key right behind Esc would read as Alt+key, as in every terminal program.
      await term.waitForScreen((s) => !s.includes('Keys —'), 'help closed');
      term.keys('j', 'l');
      const logs = await term.waitForScreen((s) => s.includes('Logs · worker'), 'worker logs');
      expect(logs).toMatch(/worker !│worker WARN slow batch/);
      expect(logs).not.toContain('api tick');
      term.keys('1', 'k', 'r');
      await term.waitForScreen((s) => s.includes('Restart e2eproj-api-1'), 'confirm');
      term.keys('y');
      await term.waitForScreen((s) => /e2eproj-api-1 restarted in/.test(s), 'restarted notice');
      term.keys('q');
      await term.waitForScreen((s) => s.includes('EXIT:0'), 'exit');
      await expectRestored(term);
      const journal = readFileSync(join(state, 'opsdeck', 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
      expect(journal.map((r) => `${r.action}:${r.phase}:${r.result ?? ''}`)).toEqual(['restart:start:', 'restart:end:ok']);
    } finally {
      term.close();
    }
  });

  it('at 200x50 shows every column, and redraws to fit when the terminal shrinks', async () => {
    const term = openTerminal(['-p', project], { ...env(), TERM: 'tmux-256color' }, { columns: 200, rows: 50 });
    try {
      const screen = await term.waitForScreen((s) => s.includes('e2eproj-api-1'), 'first frame');
      expect(screen).toMatch(/SERVICE\s+CONTAINER\s+STATE\s+HEALTH\s+UPTIME\s+RST\s+CPU\s+MEM\s+PORTS/);
      expect(screen.split('\n').length).toBeGreaterThanOrEqual(50);
      term.resize(80, 24);
      const small = await term.waitForScreen((s) => !s.includes('PORTS') && /^╰─+╯$/m.test(s), 'redrawn at 80x24');
      expect(Math.max(...small.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
      expect(small.split('\n')[0]).toMatch(/^opsdeck/);
      term.keys('q');
      await term.waitForScreen((s) => s.includes('EXIT:0'), 'exit');
    } finally {
      term.close();
    }
  });

  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    it(`${signal} restores the terminal`, async () => {
      const term = openTerminal(['-p', project], env());
      try {
        await term.waitForScreen((s) => s.includes('e2eproj-api-1'), 'first frame');
        process.kill(term.pid(), signal);
        await term.waitForScreen((s) => /EXIT:\d+/.test(s), 'exit');
        await expectRestored(term);
      } finally {
        term.close();
      }
    });
  }

  it('e opens a shell in the container and the cockpit comes back intact', async () => {
    const term = openTerminal(['-p', project], env());
    try {
      await term.waitForScreen((s) => /› api\s+e2eproj-api-1/.test(s), 'first frame');
      term.keys('e');
      await term.waitForScreen((s) => /^\/ #\s*$/m.test(s) && term.display('#{alternate_on}') === '0', 'shell prompt on the main screen');
      term.keys('echo inside-$((6*7))', 'Enter');
      await term.waitForScreen((s) => s.includes('inside-42'), 'command output');
      term.keys('exit', 'Enter');
      const back = await term.waitForScreen((s) => s.includes('shell in e2eproj-api-1 exited with 0'), 'cockpit back');
      expect(back).toMatch(/› api\s+e2eproj-api-1\s+running/);
      expect(term.display('#{alternate_on}')).toBe('1');
      term.keys('q');
      await term.waitForScreen((s) => s.includes('EXIT:0'), 'exit');
    } finally {
      term.close();
    }
  });

  it('a crash restores the terminal and says what happened', async () => {
    const term = openTerminal(['-p', project], { ...env(), OPSDECK_FAILPOINT: 'crash' });
    try {
      await term.waitForScreen((s) => s.includes('e2eproj-api-1'), 'first frame');
      const after = await term.waitForScreen((s) => /EXIT:\d+/.test(s), 'exit');
      expect(after).toContain('EXIT:70');
      expect(after).toContain('opsdeck crashed: Error: failpoint: crash');
      await expectRestored(term);
    } finally {
      term.close();
    }
  });

  it('a Node warning lands on the notice line instead of being printed over the screen', async () => {
    const term = openTerminal(['-p', project], { ...env(), OPSDECK_FAILPOINT: 'warning' });
    try {
      await term.waitForScreen((s) => s.includes('e2eproj-api-1'), 'first frame');
      const warned = await term.waitForScreen((s) => s.includes('FailpointWarning'), 'warning shown');
      expect(warned).toContain('Node warning: FailpointWarning: failpoint: a library warned');
      expect(warned).not.toMatch(/\(node:\d+\)/);
      expect(warned.split('\n')[0]).toMatch(/^opsdeck/);
      term.keys('q');
      await term.waitForScreen((s) => s.includes('EXIT:0'), 'exit');
      await expectRestored(term);
    } finally {
      term.close();
    }
  });

  it('with LANG=C draws ASCII boxes, and with TERM=screen and NO_COLOR still works', async () => {
    const term = openTerminal(['-p', project], { ...env(), LANG: 'C', TERM: 'screen', NO_COLOR: '1' });
    try {
      const screen = await term.waitForScreen((s) => s.includes('e2eproj-api-1'), 'first frame');
      expect(screen).toMatch(/\+- Containers -+/);
      expect(screen).not.toMatch(/[╭╮│▾›]/);
      term.keys('C-c');
      await term.waitForScreen((s) => s.includes('EXIT:0'), 'exit');
      await expectRestored(term);
    } finally {
      term.close();
    }
  });
});
