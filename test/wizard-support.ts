// Shared by the wizard tests: a small P0 runbook (check → decision → destructive restart →
// manual), a fake container runtime that records restarts, and a cockpit wired to run it.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContainerRuntime } from '../src/runbooks/engine/types';
import { loadRunbookLibrary } from '../src/runbooks/load';
import { basicProber } from '../src/runbooks/probes/basic-prober';
import type { RunbookAccess } from '../views/runbook-access';
import type { KeyBinding } from '../src/config/keys-schema';

export const WIZ_RUNBOOK = (url: string) => `
id: wiz-test
title: Wizard test procedure
severity: P0
signals:
  - { on: check, check: api, field: model_loaded, equals: false, text: "api health says model_loaded=false" }
parameters:
  service: { default: api }
  url: { type: url, default: "${url}" }
steps:
  - id: health
    kind: check
    title: API health reports the model loaded
    probe: { type: http, url: "{{url}}/health", json: ["model_loaded == true"] }
    on_pass: end
    on_fail: next
  - id: decide
    kind: decision
    title: Roll back?
    question: Restart the API now?
    choices:
      - { label: Restart it, goto: restart }
      - { label: Leave it, goto: end }
  - id: restart
    kind: action
    title: Restart the API
    destructive: true
    action: { type: restart, service: "{{service}}" }
  - id: tell
    kind: manual
    title: Tell the team
    instruction: Post in #incidents that {{service}} was restarted.
`;

export function fakeRuntime(): ContainerRuntime & { restarted: string[] } {
  const restarted: string[] = [];
  return {
    restarted,
    findService: async (service) => [`${service}-id`],
    inspect: async (id) => ({ id, name: id.replace(/-id$/, '-1'), state: 'running', env: {} }),
    restart: async (id) => { restarted.push(id); },
    stop: async () => undefined,
    start: async () => undefined,
    recreate: async (id) => id,
    exec: async () => ({ exitCode: 0, output: '' }),
  };
}

export function wizardAccess(url: string, keys: Record<string, KeyBinding> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'opsdeck-wiz-'));
  const user = join(dir, 'runbooks');
  mkdirSync(user);
  writeFileSync(join(user, 'wiz-test.yaml'), WIZ_RUNBOOK(url));
  const runtime = fakeRuntime();
  const library = loadRunbookLibrary({ user });
  const access: RunbookAccess = {
    library, keys,
    engine: { prober: basicProber(runtime), runtime, runsDir: join(dir, 'runs'), locksDir: join(dir, 'locks'), env: {} },
  };
  return { access, runtime, dir, runs: join(dir, 'runs') };
}
