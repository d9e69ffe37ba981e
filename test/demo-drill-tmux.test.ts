// A drill in the demo cockpit, in a real terminal: help lists D, D injects model-missing, its
// runbook's wizard (model-not-loaded) is followed with keys to the end, the health pane shows the
// API healthy again, q restores the terminal and no demo process is left (checked in /proc).
import { describe, it, expect } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTerminal, expectRestored, type Terminal } from './harness/tmux';
import { processesWith, until } from './demo-helpers';

/** The health pane's FOR column (time in the current state) of one check, in seconds. */
function healthFor(screen: string, check: string): number {
  const match = new RegExp(`ok\\s+${check}\\s+\\S+\\s+(?:(\\d+)m)?(?:(\\d+)s)?\\s`).exec(screen);
  if (!match) throw new Error(`no ok row for ${check} in the health pane`);
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
}

/** Sends `key` and waits for the wizard to show `text`. */
async function step(term: Terminal, key: string, what: string, ...texts: string[]) {
  term.keys(key);
  return term.waitForScreen((s) => texts.every((t) => s.includes(t)), what, 20_000);
}

/** Live opsdeck processes of this test's demo that run a bundled demo service (dist/demo/*.js). */
const demoServices = (marker: string) => processesWith(marker, 'env').filter((pid) => processesWith('dist/demo/').includes(pid));

describe('a drill in the demo cockpit (tmux)', () => {
  it('D injects model-missing, its wizard is followed with keys, health recovers, q leaves nothing behind', async () => {
    const marker = `opsdeck-drill-tmux-${process.pid}-${Date.now()}`;
    const state = mkdtempSync(join(tmpdir(), 'opsdeck-drill-state-'));
    const term = openTerminal(['demo'], { LANG: 'en_US.UTF-8', TERM: 'xterm-256color', XDG_STATE_HOME: state, DEMO_TEST_MARK: marker }, { columns: 160, rows: 44 });
    try {
      await term.waitForScreen((s) => /5\/5 running/.test(s) && /5 ok/.test(s), 'the demo live', 20_000);
      expect(demoServices(marker)).toHaveLength(5);
      // tmux may be captured halfway through a frame: wait for the help's row, not just its title.
      const help = await step(term, '?', 'the help, down to the drill key', 'Keys —', 'drill: inject');
      expect(help).toMatch(/D\s+drill: inject a fault, then follow its runbook wizard/);
      term.keys('Escape');
      await term.waitForScreen((s) => !s.includes('Keys —'), 'help closed');

      const picker = await step(term, 'D', 'the drill picker', 'Drills —', 'model-missing');
      expect(picker).toMatch(/› model-missing\s+the ML model artifact disappears/);
      expect(picker).toContain('resolved by runbook model-not-loaded');
      await step(term, 'Enter', 'the wizard of the drill', 'Wizard · model-not-loaded', 'enter start the run');
      await step(term, 'Enter', 'step 1 waiting', 'Step 1/8', 'enter run this step');
      const failed = await step(term, 'Enter', 'the fault seen by the health check', 'r retry');
      const faultSeenAt = Date.now();
      expect(failed).toMatch(/HTTP 503; model_loaded was false/);
      // The wizard saw the fault; the health pane's own check, once a second, must see it too before
      // the rollback ends it, or the API's row below would never have left ok. Keys typed this fast
      // can end the fault within two seconds, which a loaded machine's late probe missed.
      await new Promise((r) => setTimeout(r, 3000));
      await step(term, 'Enter', 'on along the fail branch', 'Step 2/8', 'enter run this step');
      await step(term, 'Enter', 'MLflow reachable, then the rollback', 'Step 5/8', 'enter run this step');
      await step(term, 'Enter', 'the rollback confirmation', 'Recreate the API with MODEL_VARIANT=baseline?', 'y yes');
      await step(term, 'y', 'recreated; waiting for health', 'Step 6/8', 'enter run this step');
      await step(term, 'Enter', 'healthy; verify next', 'Step 7/8', 'enter run this step');
      await step(term, 'Enter', 'verified; the manual step', 'Step 8/8', 'enter run this step');
      await step(term, 'Enter', 'the manual step confirmation', 'Confirm when done.', 'y yes');
      const done = await step(term, 'y', 'the run finished', 'succeeded:', 'esc close');
      expect(done).toMatch(/report:\s+opsdeck report \S+-model-not-loaded-/);

      term.keys('Escape');
      const healthy = await term.waitForScreen((s) => !s.includes('Wizard ·') && /5 ok/.test(s) && /ok\s+api\s.*model_loaded=true/.test(s), 'health pane: api ok again');
      // The API's check has been ok for less time than the fault is old: it failed during the drill.
      // (Not against MLflow's row: on a loaded machine a late probe can restart that one's time too.)
      expect(healthFor(healthy, 'api')).toBeLessThan((Date.now() - faultSeenAt) / 1000);

      term.keys('q');
      await term.waitForScreen((s) => s.includes('EXIT:0'), 'exit 0');
      await expectRestored(term);
      await until('no demo process left', () => processesWith(marker, 'env').length === 0 && demoServices(marker).length === 0, 5000);
    } finally {
      term.close();
    }
  }, 90_000);
});
