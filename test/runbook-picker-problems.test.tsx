import React from 'react';
import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from '../views/App';
import { CockpitContext } from '../views/context';
import { initialUi } from '../views/ui-state';
import { loadRunbookLibrary } from '../src/runbooks/load';
import { basicProber } from '../src/runbooks/probes/basic-prober';
import { renderSized } from './harness/ink';
import { cockpitWith, instance } from './harness/cockpit';

describe('runbook files that do not load', () => {
  it('are named in the picker with file, line and column, and the rest still open', async () => {
    const user = join(mkdtempSync(join(tmpdir(), 'badrb-')), 'runbooks');
    mkdirSync(user);
    writeFileSync(join(user, 'broken.yaml'), 'id: broken\ntitle: Broken\nseverity: P9\nsteps: []\n');
    const library = loadRunbookLibrary({ user });
    expect(library.problems.length).toBeGreaterThan(0);
    const cockpit = cockpitWith([instance({ service: 'api' })], { runbooks: { library, keys: {}, engine: { prober: basicProber(), env: {} } } });
    const view = renderSized(<CockpitContext.Provider value={cockpit}><App initial={initialUi()} /></CockpitContext.Provider>, 160, 30);
    try {
      await view.press('w');
      const frame = await view.waitForFrame((f) => f.includes('Runbooks — enter opens the wizard'), 'picker');
      expect(frame).toMatch(/\d+ problem\(s\) in runbook files, those files skipped .*broken\.yaml:3:\d+: severity/);
      expect(frame).toContain('model-not-loaded');
    } finally {
      view.unmount();
    }
  });
});
