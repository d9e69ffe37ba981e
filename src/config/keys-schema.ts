// The `keys:` section of opsdeck.yaml: keys that open a runbook's wizard with fixed parameters,
// e.g. `R: { runbook: rollback-baseline-model, params: { service: api } }`. A key the cockpit
// already uses, an unknown runbook, or a parameter the runbook does not have is a config error
// with its FILE:LINE:COL. They act like actions: --read-only removes them.
import { z } from 'zod';
import { BINDINGS } from '../../views/key-table';
import type { RunbookLibrary } from '../runbooks/load';

/** Keys that are not in the key table but still taken: pane digits. */
const RESERVED = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

export function builtInKeys(): Set<string> {
  return new Set([...BINDINGS.flatMap((b) => b.keys), ...RESERVED]);
}

const bindingSchema = z.strictObject({
  runbook: z.string().min(1),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String)).default({}),
  /** What the help says; the runbook's title by default. */
  help: z.string().min(1).optional(),
});

export type KeyBinding = z.output<typeof bindingSchema>;

// The runbook modules import the config's schemas, so this one cannot import them back: the CLI
// registers how to load the library (src/cli/run-commands.ts), once, before any config is read.
let loader: (() => RunbookLibrary) | undefined;
let library: RunbookLibrary | undefined;
/** How key bindings find their runbooks (bundled and the user's); without one, ids go unchecked. */
export function setKeyRunbooks(load: (() => RunbookLibrary) | undefined): void {
  loader = load;
  library = undefined;
}

export const keysSchema = z.record(z.string(), bindingSchema).superRefine((keys, ctx) => {
  const taken = builtInKeys();
  for (const [key, binding] of Object.entries(keys)) {
    if (!/^[\x21-\x7e]$/.test(key)) ctx.addIssue({ code: 'custom', path: [key], message: `expected a single printable key like R or B, got "${key}"` });
    else if (taken.has(key)) ctx.addIssue({ code: 'custom', path: [key], message: `key "${key}" is already a built-in key (see ? in the cockpit)` });
    if (!loader) continue;
    const runbooks = (library ??= loader()).runbooks;
    const found = runbooks.get(binding.runbook)?.runbook;
    if (!found) {
      ctx.addIssue({ code: 'custom', path: [key, 'runbook'], message: `unknown runbook "${binding.runbook}"; known: ${[...runbooks.keys()].sort().join(', ')}` });
      continue;
    }
    for (const name of Object.keys(binding.params)) {
      if (!(name in found.parameters)) ctx.addIssue({ code: 'custom', path: [key, 'params', name], message: `runbook ${found.id} has no parameter "${name}"; it has: ${Object.keys(found.parameters).join(', ') || 'none'}` });
    }
  }
});
