import React from 'react';
import { describe, it, expect, afterEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from '../views/App';
import { CockpitContext, type Cockpit } from '../views/context';
import { initialUi } from '../views/ui-state';
import { parseConfig } from '../src/config/load';
import { HealthSource } from '../src/health/health-source';
import { renderSized, KEYS, type SizedRender } from './harness/ink';
import { cockpitWith, instance } from './harness/cockpit';
import { httpServer } from './runbook-support';
import { wizardAccess } from './wizard-support';

const open: { view?: SizedRender; health?: HealthSource; close?: () => Promise<void> } = {};
afterEach(async () => {
  open.view?.unmount();
  await open.health?.close();
  await open.close?.();
  Object.keys(open).forEach((k) => delete open[k as keyof typeof open]);
});

async function cockpit(options: { readOnly?: boolean; withHealth?: boolean } = {}) {
  const server = await httpServer((_req, res) => { res.writeHead(503, { 'content-type': 'application/json' }); res.end('{"status":"unhealthy","model_loaded":false}'); });
  open.close = server.close;
  const wiz = wizardAccess(server.url);
  const base = cockpitWith([instance({ service: 'api', health: 'healthy' })], { readOnly: options.readOnly ?? false, runbooks: wiz.access });
  let c: Cockpit = base;
  if (options.withHealth) {
    const config = parseConfig(`checks:\n  - { name: api, type: http, url: "${server.url}/health", interval: 100ms, timeout: 1s, json: ["model_loaded == true"], fields: [model_loaded] }\n`, 'opsdeck.yaml');
    open.health = new HealthSource({ checks: config.checks, appState: base.state, batchMs: 0 });
    open.health.open();
    c = { ...base, health: open.health };
  }
  return { cockpit: c, wiz };
}

function app(c: Cockpit, columns = 80, rows = 24): SizedRender {
  open.view = renderSized(<CockpitContext.Provider value={c}><App initial={initialUi()} /></CockpitContext.Provider>, columns, rows);
  return open.view;
}

async function openWizTest(view: SizedRender) {
  await view.press('w');
  await view.waitForFrame((f) => f.includes('Runbooks — enter opens the wizard'), 'picker');
  await view.press('G');
  for (let n = 0; n < 40 && !/› (P\d )?\S* ?wiz-test/.test(view.frame()); n++) await view.press('k');
  await view.press(KEYS.enter);
  return view.waitForFrame((f) => f.includes('Wizard · wiz-test'), 'wizard');
}

describe('the wizard view', () => {
  it('shows the steps, the live result of the check, the exact command, and runs choose and a typed P0 confirmation', async () => {
    const { cockpit: c, wiz } = await cockpit();
    const view = app(c, 100, 30);
    let frame = await openWizTest(view);
    expect(frame).toMatch(/1\s+API health reports the model/);
    expect(frame).toContain('probe: GET http://127.0.0.1:');
    expect(frame).toMatch(/4\s+Tell the team/);
    expect(frame).toContain('enter start the run');
    await view.press(KEYS.enter);
    await view.waitForFrame((f) => f.includes('enter run this step'), 'step gate');
    await view.press(KEYS.enter);
    frame = await view.waitForFrame((f) => f.includes('failed:'), 'live check result');
    expect(frame).toMatch(/HTTP 503; model_loaded was false/);
    await view.press(KEYS.enter);
    await view.waitForFrame((f) => f.includes('Step 2/4'), 'decision step');
    await view.press(KEYS.enter);
    frame = await view.waitForFrame((f) => f.includes('1 Restart it'), 'choices');
    await view.press('1');
    frame = await view.waitForFrame((f) => f.includes('Step 3/4') && f.includes('enter run this step'), 'action step');
    expect(frame).toContain('$ docker restart the container(s) of service api');
    expect(frame).toContain('destructive: type "api" to confirm');
    await view.press(KEYS.enter);
    await view.waitForFrame((f) => f.includes('type the name, enter confirm'), 'typed confirmation');
    for (const ch of 'api') await view.press(ch);
    await view.waitForFrame((f) => f.includes('> api_'), 'typed text');
    await view.press(KEYS.enter);
    await view.waitForFrame((f) => f.includes('Step 4/4'), 'manual step');
    expect(wiz.runtime.restarted).toEqual(['api-id']);
    await view.press('n');
    await view.waitForFrame((f) => f.includes('note: _'), 'note field');
    for (const ch of 'paged bob') await view.press(ch);
    await view.press(KEYS.enter);
    await view.waitForFrame((f) => f.includes('note added'), 'note saved');
    await view.press(KEYS.enter);
    await view.waitForFrame((f) => f.includes('y yes · n no'), 'manual confirm');
    await view.press('y');
    frame = await view.waitForFrame((f) => f.includes('succeeded:'), 'outcome');
    const runId = /report: opsdeck report (\S+)/.exec(frame.replace(/[│\n ]+/g, ' '))?.[1];
    const events = readFileSync(join(wiz.runs, `${runId}.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(events.filter((e) => e.type === 'note').map((e) => e.text)).toContain('paged bob');
    expect(events.at(-1)).toMatchObject({ type: 'run-end', outcome: 'succeeded' });
    await view.press(KEYS.escape);
    await view.waitForFrame((f) => !f.includes('Wizard ·'), 'wizard closed');
  });

  it('skip and abort (with confirmation) at 80x24', async () => {
    const { cockpit: c, wiz } = await cockpit();
    const view = app(c, 80, 24);
    await openWizTest(view);
    await view.press(KEYS.enter);
    await view.waitForFrame((f) => f.includes('enter run this step'), 'step gate');
    await view.press('s');
    await view.waitForFrame((f) => f.includes('Step 2/4'), 'skipped to the decision');
    await view.press('a');
    await view.waitForFrame((f) => f.includes('Abort the run? y abort'), 'abort question');
    await view.press('n');
    await view.waitForFrame((f) => f.includes('enter run this step'), 'kept going');
    await view.press('a');
    await view.press('y');
    const frame = await view.waitForFrame((f) => f.includes('aborted:'), 'aborted');
    expect(frame).toMatch(/↷\s+1\s+API health/);
    expect(wiz.runtime.restarted).toEqual([]);
  });

  it('read-only: the wizard opens and shows what steps would run, but nothing starts', async () => {
    const { cockpit: c } = await cockpit({ readOnly: true });
    const view = app(c, 100, 30);
    await openWizTest(view);
    await view.press('j');
    await view.press('j');
    let frame = await view.waitForFrame((f) => f.includes('Step 3/4'), 'browsed to the action');
    expect(frame).toContain('$ docker restart the container(s) of service api');
    await view.press(KEYS.enter);
    frame = await view.waitForFrame((f) => f.includes('nothing runs'), 'refused');
    expect(frame).toContain('[read-only]');
    expect(frame).not.toContain('enter run this step');
  });

  it('a failing health check that matches a signal is offered in the footer, and W opens that wizard', async () => {
    const { cockpit: c } = await cockpit({ withHealth: true });
    const view = app(c, 200, 50);
    const frame = await view.waitForFrame((f) => f.includes('<W> ⚠ wiz-test'), 'signal offer in the footer');
    expect(frame).toMatch(/<W> ⚠ wiz-test: check api: down/);
    await view.press('W');
    await view.waitForFrame((f) => f.includes('Wizard · wiz-test'), 'suggested wizard');
  });
});
