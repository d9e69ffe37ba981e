// The wizard in the real binary in a real terminal: opened from a config key, run step by step
// with keys, closed, and the terminal restored on q.
import { describe, it, expect, afterAll } from 'vitest';
import { inject } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTerminal, expectRestored } from './harness/tmux';
import { httpServer } from './runbook-support';

const home = mkdtempSync(join(tmpdir(), 'opsdeck-wiztmux-'));
const marker = join(home, 'touched');
const servers: Array<{ close(): Promise<void> }> = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

describe('the wizard in a real terminal (tmux)', () => {
  it('at 80x24: a config key opens the wizard, enter runs each step, esc closes, q restores the terminal', async () => {
    const server = await httpServer((_req, res) => { res.writeHead(200); res.end('{"model_loaded": true}'); });
    servers.push(server);
    mkdirSync(join(home, 'config', 'opsdeck', 'runbooks'), { recursive: true });
    writeFileSync(join(home, 'config', 'opsdeck', 'runbooks', 'tmux-test.yaml'), `
id: tmux-test
title: Tmux test procedure
severity: P2
steps:
  - { id: health, kind: check, title: Health answers, probe: { type: http, url: "${server.url}/health", json: ["model_loaded == true"] } }
  - { id: touch, kind: action, title: Touch the marker, action: { type: command, command: [touch, "${marker}"] } }
`);
    const config = join(home, 'opsdeck.yaml');
    writeFileSync(config, 'keys:\n  T: { runbook: tmux-test }\n');
    const term = openTerminal(['-p', 'wiztmux', '-c', config], {
      DOCKER_HOST: inject('dockerHost'), LANG: 'en_US.UTF-8', TERM: 'xterm-256color',
      XDG_STATE_HOME: join(home, 'state'), XDG_CONFIG_HOME: join(home, 'config'),
    });
    try {
      await term.waitForScreen((s) => s.includes('Containers'), 'first frame');
      // Runbooks load just after the first listing; the help lists the key once they have.
      term.keys('?');
      await term.waitForScreen((s) => /\bT\s+.*tmux-test|T\s+Tmux test/i.test(s), 'the config key in the help');
      term.keys('Escape');
      await term.waitForScreen((s) => !s.includes('Keys —'), 'help closed');
      term.keys('T');
      await term.waitForScreen((s) => s.includes('Wizard · tmux-test') && s.includes('enter start the run'), 'wizard');
      term.keys('Enter');
      await term.waitForScreen((s) => s.includes('enter run this step') && s.includes('Step 1/2'), 'first step waiting');
      term.keys('Enter');
      await term.waitForScreen((s) => s.includes('Step 2/2') && s.includes('enter run this step'), 'second step waiting');
      expect(term.screen()).toContain(`$ run on this machine: touch ${marker}`);
      term.keys('Enter');
      const done = await term.waitForScreen((s) => s.includes('succeeded:'), 'run finished');
      expect(done).toMatch(/✓\s+1\s+Health answers/);
      expect(existsSync(marker)).toBe(true);
      term.keys('Escape');
      await term.waitForScreen((s) => !s.includes('Wizard ·'), 'wizard closed');
      term.keys('q');
      await term.waitForScreen((s) => s.includes('EXIT:0'), 'exit');
      await expectRestored(term);
    } finally {
      term.close();
    }
  });
});
