// What the cockpit needs to run runbooks in-process: the library, the config's key bindings,
// and the engine's wiring (prober, Docker runtime, offsets, journals). Built once by the CLI.
import type { RunbookLibrary } from '../src/runbooks/load';
import type { EngineOptions } from '../src/runbooks/engine/engine';
import type { KeyBinding } from '../src/config/keys-schema';
import type { Binding } from './key-table';

export interface RunbookAccess {
  library: RunbookLibrary;
  /** From the config's `keys:` section, already validated. */
  keys: Record<string, KeyBinding>;
  /** Everything the engine needs but the operator (and the audit journal, which the wizard taps). */
  engine: Omit<EngineOptions, 'operator' | 'audit'>;
}

/** The config's runbook keys as key-table rows: global, listed in the help, gone in --read-only. */
export function configKeyBindings(access: RunbookAccess | undefined): Binding[] {
  return Object.entries(access?.keys ?? {}).map(([key, binding]) => ({
    command: 'runbook-key', keys: [key], scope: 'global', mutates: true,
    help: `${binding.help ?? `wizard: ${binding.runbook}`}${Object.keys(binding.params).length ? ` (${Object.entries(binding.params).map(([k, v]) => `${k}=${v}`).join(', ')})` : ''}`,
  }));
}
