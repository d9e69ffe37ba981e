import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore } from '../../src/store/store';
import { initialState, sortInstances, type AppState } from '../../src/store/app-state';
import { LogFeed } from '../../src/logs/log-feed';
import { AuditJournal } from '../../src/audit/journal';
import { makeTheme } from '../../views/theme';
import type { Cockpit } from '../../views/context';
import type { Instance, Restartable } from '../../src/runtime/types';

export function instance(fields: Partial<Instance> & { service: string }): Instance {
  return {
    id: `${fields.project ?? 'ml'}-${fields.service}-id`, name: `${fields.project ?? 'ml'}-${fields.service}-1`, project: 'ml',
    image: 'busybox', state: 'running', restarts: 0, ports: [], tty: false, startedAt: Date.now() - 65_000, ...fields,
  };
}

const noRuntime: Restartable = {
  restart: async () => { throw new Error('no runtime in this test'); },
  stop: async () => { throw new Error('no runtime in this test'); },
  start: async () => { throw new Error('no runtime in this test'); },
};

/** A cockpit over a store filled by the test, for views that need no engine. */
export function cockpitWith(instances: Instance[], options: Partial<Cockpit> & { env?: NodeJS.ProcessEnv } = {}): Cockpit {
  const state = createStore<AppState>({ ...initialState('unix:///test.sock'), docker: { host: 'unix:///test.sock', status: 'up', version: '20.10 (API 1.41)' }, instances: sortInstances(instances) }, 0);
  return {
    state, feed: new LogFeed(1000, 0), runtime: noRuntime,
    journal: new AuditJournal(join(mkdtempSync(join(tmpdir(), 'opsdeck-audit-')), 'audit.jsonl')),
    theme: makeTheme(options.env ?? { LANG: 'en_US.UTF-8' }), readOnly: false, ...options,
  };
}
