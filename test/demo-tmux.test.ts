// `bin/opsdeck demo` in a real terminal: every pane live within seconds, help, quit, the
// terminal restored and no process of the demo left (checked in /proc); and the same when the
// session hangs up instead of quitting, its temp dir removed too.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectRestored } from './harness/tmux';
import { openDemoTerminal, processesWith, until } from './demo-helpers';

describe('opsdeck demo in tmux', () => {
  it('starts live, opens help, quits cleanly and leaves nothing running', async () => {
    const marker = `opsdeck-demo-tmux-${process.pid}-${Date.now()}`;
    const started = Date.now();
    const term = openDemoTerminal([], { DEMO_TEST_MARK: marker }, { columns: 200, rows: 50 });
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

  it('cleans up on a hang-up (an SSH session dropped): terminal restored, no process and no temp dir left', async () => {
    const marker = `opsdeck-demo-hup-${process.pid}-${Date.now()}`;
    const temp = mkdtempSync(join(tmpdir(), 'opsdeck-demo-tmp-'));
    const term = openDemoTerminal([], { DEMO_TEST_MARK: marker, TMPDIR: temp });
    try {
      await term.waitForScreen((s) => /5\/5 running/.test(s), 'the demo running', 20_000);
      expect(readdirSync(temp).filter((f) => f.startsWith('opsdeck-demo-'))).toHaveLength(1);
      process.kill(term.pid(), 'SIGHUP');
      await term.waitForScreen((s) => s.includes('EXIT:129'), 'exit 129 (hung up)');
      await expectRestored(term);
      await until('no demo process left', () => processesWith(marker, 'env').length === 0, 5000);
      expect(readdirSync(temp).filter((f) => f.startsWith('opsdeck-demo-'))).toEqual([]);
    } finally {
      term.close();
    }
  });
});
