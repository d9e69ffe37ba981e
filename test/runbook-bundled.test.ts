import { describe, it, expect } from 'vitest';
import { bundledRunbooksDir, loadRunbookLibrary, runbookFiles } from '../src/runbooks/load';
import { runRunbook } from '../src/runbooks/engine/engine';
import { basicProber } from '../src/runbooks/probes/basic-prober';
import { ScriptedOperator, stateDir } from './runbook-support';

const library = loadRunbookLibrary({ user: '/nonexistent' });

describe('bundled runbooks', () => {
  it('every bundled file loads and validates', () => {
    expect(library.problems).toEqual([]);
    expect(library.runbooks.size).toBe(runbookFiles(bundledRunbooksDir()).length);
  });

  it.each([...library.runbooks.keys()])('%s names its signals and renders a dry run', async (id) => {
    const { runbook } = library.runbooks.get(id)!;
    expect(runbook.signals.length).toBeGreaterThan(0);
    const state = stateDir();
    const summary = await runRunbook({ runbook, params: {} }, { operator: new ScriptedOperator(), prober: basicProber(), dryRun: true, runsDir: state.runs, locksDir: state.locks });
    expect(summary.outcome).toBe('dry-run');
    expect(summary.message.split('\n').filter((l) => /^\d+\. /.test(l))).toHaveLength(runbook.steps.length);
  });
});
