import React from 'react';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { inject } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from '../views/App';
import { CockpitContext, type Cockpit } from '../views/context';
import { initialUi } from '../views/ui-state';
import { makeTheme } from '../views/theme';
import { DockerSource } from '../src/docker/docker-source';
import { createStore } from '../src/store/store';
import { initialState, type AppState } from '../src/store/app-state';
import { LogFeed } from '../src/logs/log-feed';
import { AuditJournal, type AuditRecord } from '../src/audit/journal';
import { renderSized } from './harness/ink';
import { testDocker, runContainer, removeProject, waitFor } from './harness/containers';

const project = 'actproj';
const docker = testDocker();

function liveCockpit() {
  const state = createStore<AppState>(initialState(inject('dockerHost')));
  const feed = new LogFeed(1000);
  const source = new DockerSource({ host: inject('dockerHost'), project, refreshMs: 60_000, logs: { tail: 50, maxLineBytes: 4096, keepColor: true } }, state, feed);
  const auditPath = join(mkdtempSync(join(tmpdir(), 'opsdeck-audit-')), 'audit.jsonl');
  const cockpit: Cockpit = { state, feed, runtime: source, journal: new AuditJournal(auditPath), theme: makeTheme({ LANG: 'en_US.UTF-8' }), readOnly: false, project, details: (id) => source.details(id) };
  source.open();
  const records = () => readFileSync(auditPath, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as AuditRecord);
  return { cockpit, source, state, records };
}

describe('actions from the keyboard against a real engine', () => {
  beforeAll(async () => {
    await removeProject(docker, project);
    await runContainer(docker, { project, service: 'api', cmd: ['sh', '-c', 'trap "exit 0" TERM; while true; do echo api alive; sleep 0.5; done'] });
  });
  afterAll(() => removeProject(docker, project));

  it('r then y restarts the container, journals before and after, and says so', async () => {
    const { cockpit, source, state, records } = liveCockpit();
    const view = renderSized(<CockpitContext.Provider value={cockpit}><App initial={initialUi()} /></CockpitContext.Provider>, 100, 30);
    try {
      await view.waitForFrame((f) => /› api\s+actproj-api-1\s+running/.test(f), 'api row');
      const before = state.get().instances[0].startedAt!;
      await view.press('r');
      await view.waitForFrame((f) => f.includes('Confirm'), 'confirm dialog');
      await view.press('y');
      await view.waitForFrame((f) => /actproj-api-1 restarted in \d+\.\ds/.test(f), 'notice');
      await waitFor('new start time', () => state.get().instances[0].startedAt! > before && state.get().instances[0].state === 'running');
      const [start, end] = records();
      expect(start).toMatchObject({ phase: 'start', action: 'restart', target: { name: 'actproj-api-1', service: 'api', project } });
      expect(start.who).toMatch(/.+@.+/);
      expect(end).toMatchObject({ phase: 'end', action: 'restart', result: 'ok', id: start.id });
      expect(end.durationMs).toBeGreaterThanOrEqual(0);
    } finally {
      view.unmount();
      source.close();
    }
  });

  it('s stops after confirming, s again starts without asking', async () => {
    const { cockpit, source, state } = liveCockpit();
    const view = renderSized(<CockpitContext.Provider value={cockpit}><App initial={initialUi()} /></CockpitContext.Provider>, 100, 30);
    try {
      await view.waitForFrame((f) => /› api\s+actproj-api-1\s+running/.test(f), 'api row');
      await view.press('s');
      const dialog = await view.waitForFrame((f) => f.includes('Confirm'), 'confirm');
      expect(dialog).toContain('Stop actproj-api-1');
      await view.press('y');
      await view.waitForFrame((f) => /actproj-api-1\s+exited\(0\)/.test(f), 'exited row');
      await view.press('s');
      await view.waitForFrame((f) => /actproj-api-1\s+running/.test(f), 'running again');
      expect(state.get().instances[0].state).toBe('running');
    } finally {
      view.unmount();
      source.close();
    }
  });

  it('shows the Docker error when an action fails, and journals the failure', async () => {
    const { cockpit, source, records } = liveCockpit();
    const broken = await docker.createContainer({
      Image: 'opsdeck-test/busybox:latest', name: `${project}-broken-1`, Cmd: ['/no/such/binary'],
      Labels: { 'com.docker.compose.project': project, 'com.docker.compose.service': 'broken' }, HostConfig: { NetworkMode: 'host' },
    });
    const view = renderSized(<CockpitContext.Provider value={cockpit}><App initial={initialUi()} /></CockpitContext.Provider>, 100, 30);
    try {
      await view.waitForFrame((f) => /› api/.test(f) && f.includes('broken'), 'rows');
      await view.press('j');
      await view.waitForFrame((f) => /› broken\s+actproj-broken-1\s+created/.test(f), 'broken selected');
      await view.press('s');
      const frame = await view.waitForFrame((f) => /start actproj-broken-1 failed: .*no such file/i.test(f), 'error notice');
      expect(frame).toMatch(/✗ start actproj-broken-1 failed/);
      const last = records().at(-1)!;
      expect(last).toMatchObject({ phase: 'end', action: 'start', result: 'error', target: { name: 'actproj-broken-1' } });
      expect(last.error).toMatch(/no such file/i);
    } finally {
      view.unmount();
      source.close();
      await broken.remove({ force: true });
    }
  });
});
