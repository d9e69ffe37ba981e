import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nothingToWatch } from '../src/cli/default-target';
import { loadSettings } from '../src/cli/settings';
import { openTerminal } from './harness/tmux';

const none = () => false;

describe('what plain opsdeck watches', () => {
  it('opens the demo only when there is nothing else to watch', () => {
    const bare = loadSettings({}, {});
    expect(nothingToWatch({}, bare, {}, none)).toBe(true);
    expect(nothingToWatch({}, bare, {}, () => true)).toBe(false);
    expect(nothingToWatch({}, loadSettings({}, { DOCKER_HOST: 'tcp://10.0.0.1:2375' }), { DOCKER_HOST: 'tcp://10.0.0.1:2375' }, none)).toBe(false);
    expect(nothingToWatch({ project: 'ml' }, bare, {}, none)).toBe(false);
    expect(nothingToWatch({}, { ...bare, configFile: 'opsdeck.yaml' }, {}, none)).toBe(false);
  });

  it.skipIf(existsSync('/var/run/docker.sock'))('a bare `opsdeck` on a machine without Docker shows the demo, and q stops it all', async () => {
    const term = openTerminal([], { LANG: 'en_US.UTF-8', TERM: 'xterm-256color', XDG_STATE_HOME: join(tmpdir(), 'opsdeck-default-target') }, { columns: 160, rows: 44 });
    try {
      const screen = await term.waitForScreen((s) => s.includes('local processes') && /api\s+api\s+running/.test(s), 'the demo cockpit', 20_000);
      expect(screen).toMatch(/Services/);
      term.keys('q');
      const after = await term.waitForScreen((s) => s.includes('EXIT:0'), 'exit', 20_000);
      expect(after).toContain('opening the embedded demo');
    } finally {
      term.close();
    }
  }, 60_000);
});
