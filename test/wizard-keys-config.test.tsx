import React from 'react';
import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import { App } from '../views/App';
import { CockpitContext } from '../views/context';
import { initialUi } from '../views/ui-state';
import { parseConfig, ConfigError } from '../src/config/load';
import { setKeyRunbooks } from '../src/config/keys-schema';
import { loadRunbookLibrary } from '../src/runbooks/load';
import { renderSized, type SizedRender } from './harness/ink';
import { cockpitWith, instance } from './harness/cockpit';
import { wizardAccess } from './wizard-support';

const problems = (yaml: string) => {
  try {
    parseConfig(yaml, 'opsdeck.yaml');
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

beforeAll(() => setKeyRunbooks(() => loadRunbookLibrary({ user: '/nonexistent' })));

describe('keys: in the config', () => {
  it('binds keys to runbooks with parameters', () => {
    const config = parseConfig('keys:\n  R: { runbook: rollback-baseline-model, params: { service: api } }\n  B: { runbook: clear-kafka-backlog }\n', 'opsdeck.yaml');
    expect(config.keys).toEqual({ R: { runbook: 'rollback-baseline-model', params: { service: 'api' } }, B: { runbook: 'clear-kafka-backlog', params: {} } });
  });

  it('an unknown runbook, a built-in key and an unknown parameter are errors with FILE:LINE:COL', () => {
    expect(problems('keys:\n  R: { runbook: rollback-to-nowhere }\n')).toEqual([expect.stringMatching(/^opsdeck\.yaml:2:17: keys\.R\.runbook: unknown runbook "rollback-to-nowhere"; known: backend-troubleshooting/)]);
    expect(problems('keys:\n  r: { runbook: service-restart }\n')).toEqual([expect.stringMatching(/^opsdeck\.yaml:2:6: keys\.r: key "r" is already a built-in key/)]);
    expect(problems('keys:\n  "2": { runbook: service-restart }\n')[0]).toMatch(/key "2" is already a built-in key/);
    expect(problems('keys:\n  R:\n    runbook: model-not-loaded\n    params: { servce: api }\n')).toEqual([expect.stringMatching(/^opsdeck\.yaml:4:23: keys\.R\.params\.servce: runbook model-not-loaded has no parameter "servce"/)]);
    expect(problems('keys:\n  RB: { runbook: service-restart }\n')[0]).toMatch(/expected a single printable key like R or B, got "RB"/);
  });
});

const open: { view?: SizedRender } = {};
afterEach(() => open.view?.unmount());

function app(readOnly: boolean) {
  const { access } = wizardAccess('http://127.0.0.1:9', { R: { runbook: 'wiz-test', params: { service: 'worker' } } });
  const cockpit = cockpitWith([instance({ service: 'api' })], { readOnly, runbooks: access });
  open.view = renderSized(<CockpitContext.Provider value={cockpit}><App initial={initialUi()} /></CockpitContext.Provider>, 200, 50);
  return open.view;
}

describe('config key bindings in the cockpit', () => {
  it('are listed in the help and open their runbook with the bound parameters', async () => {
    const view = app(false);
    await view.press('?');
    const help = await view.waitForFrame((f) => f.includes('Keys'), 'help');
    expect(help).toMatch(/R\s+wizard: wiz-test \(service=worker\)/);
    expect(help).toMatch(/w\s+runbooks: pick one, open its wizard/);
    await view.press('?');
    await view.waitForFrame((f) => !f.includes('Keys'), 'help closed');
    await view.press('R');
    const wizard = await view.waitForFrame((f) => f.includes('Wizard · wiz-test'), 'wizard from R');
    expect(wizard).toContain('service=worker');
  });

  it('pressed before the runbooks are attached (~0.5 s after the first frame), open their runbook once they are', async () => {
    const { access } = wizardAccess('http://127.0.0.1:9', { R: { runbook: 'wiz-test', params: { service: 'worker' } } });
    const cockpit = cockpitWith([instance({ service: 'api' })]);
    open.view = renderSized(<CockpitContext.Provider value={cockpit}><App initial={initialUi()} /></CockpitContext.Provider>, 200, 50);
    await open.view.waitForFrame((f) => f.includes('ml-api-1'), 'first frame');
    await open.view.press('R');
    await new Promise((r) => setTimeout(r, 100));
    expect(open.view.frame()).not.toContain('Wizard ·');
    cockpit.runbooks = access;
    cockpit.state.set((s) => ({ ...s, extrasAt: Date.now() }));
    const wizard = await open.view.waitForFrame((f) => f.includes('Wizard · wiz-test'), 'wizard from the early R');
    expect(wizard).toContain('service=worker');
  });

  it('are removed by --read-only, while w still opens the wizard to read', async () => {
    const view = app(true);
    await view.press('?');
    const help = await view.waitForFrame((f) => f.includes('Keys'), 'help');
    expect(help).not.toMatch(/wizard: wiz-test/);
    expect(help).toMatch(/w\s+runbooks/);
    await view.press('?');
    await view.waitForFrame((f) => !f.includes('Keys'), 'help closed');
    await view.press('R');
    await new Promise((r) => setTimeout(r, 100));
    expect(view.frame()).not.toContain('Wizard ·');
  });
});
