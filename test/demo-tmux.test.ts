// `bin/opsdeck demo` in a real terminal: every pane live within seconds, help, quit, the
// terminal restored and no process of the demo left (checked in /proc).
import { describe, it, expect } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTerminal, expectRestored } from './harness/tmux';
import { processesWith, until } from './demo-helpers';

describe('opsdeck demo in tmux', () => {
  it('starts live, opens help, quits cleanly and leaves nothing running', async () => {
    const marker = `opsdeck-demo-tmux-${process.pid}-${Date.now()}`;
    const state = mkdtempSync(join(tmpdir(), 'opsdeck-demo-state-'));
    const started = Date.now();
    const term = openTerminal(['demo'], { LANG: 'en_US.UTF-8', TERM: 'xterm-256color', XDG_STATE_HOME: state, DEMO_TEST_MARK: marker }, { columns: 200, rows: 50 });
    try {
      const live = await term.waitForScreen((s) => /5\/5 running/.test(s) && /5 ok/.test(s) && /volatility-pr\S*\s+Stable/.test(s)
        && /api\s+\d+\.\d+\s+\d+%\s+\d+(\.\d+)?ms/.test(s) && s.includes('consuming crypto-features'), 'every pane live', 20_000);
      const liveMs = Date.now() - started;
      console.log(`opsdeck demo: every pane live after ${(liveMs / 1000).toFixed(1)} s`);
      expect(live).toContain('PostgreSQL');
      expect(processesWith(marker, 'env').length).toBeGreaterThanOrEqual(6); // opsdeck, the reaper and five services
      term.keys('?');
      await term.waitForScreen((s) => s.includes('Keys —'), 'help');
      term.keys('Escape');
      await term.waitForScreen((s) => !s.includes('Keys —'), 'help closed');
      term.keys('q');
      await term.waitForScreen((s) => s.includes('EXIT:0'), 'exit 0');
      await expectRestored(term);
      await until('no demo process left', () => processesWith(marker, 'env').length === 0, 5000);
    } finally {
      term.close();
    }
  });
});
