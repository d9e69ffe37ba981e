// Steps: check (probe, pass/fail), action (changes something), manual (operator confirms),
// decision (operator picks a branch). All share id, title, timeout, retries and branches.
import { z } from 'zod';
import { actionSchema } from './schema-action';
import { probeSchema } from './schema-probe';
import { duration, stepTarget } from './schema-common';

const common = {
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, { error: 'expected a step id of lowercase letters, digits, - and _' }),
  title: z.string().min(1),
  description: z.string().optional(),
  timeout: duration.default(30_000),
  retries: z.number().int().min(0).max(100).default(0),
  retry_delay: duration.default(1000),
  /** Where to go when the step passes: a step id, `next` (default), `end` or `fail`. */
  on_pass: stepTarget.default('next'),
  /** Where to go when it fails: a step id, `next`, `end` or `fail` (default). */
  on_fail: stepTarget.default('fail'),
  /** The line of the Markdown this step was imported from. */
  source_line: z.number().int().positive().optional(),
};

export const checkStepSchema = z.strictObject({ ...common, kind: z.literal('check'), probe: probeSchema });

export const actionStepSchema = z.strictObject({
  ...common,
  kind: z.literal('action'),
  action: actionSchema,
  /** Needs confirmation; for P0 runbooks the operator types the target's name. */
  destructive: z.boolean().default(false),
  /** Safe to run again after a crash mid-action; defaults by action kind. */
  idempotent: z.boolean().optional(),
  /** Check steps run after the action; the action fails unless they all pass. */
  verify: z.array(z.string()).default([]),
  /** What this changes from normal, for the incident report, e.g. "api switched to baseline model". */
  change: z.string().optional(),
  /** Set by the Markdown importer: the engine refuses to run this until someone reviews it. */
  needs_review: z.boolean().default(false),
});

export const manualStepSchema = z.strictObject({ ...common, kind: z.literal('manual'), instruction: z.string().min(1) });

export const choiceSchema = z.strictObject({
  label: z.string().min(1),
  goto: stepTarget,
  /** The choice a headless `--yes` run takes. */
  default: z.boolean().default(false),
});

export const decisionStepSchema = z.strictObject({
  ...common,
  kind: z.literal('decision'),
  question: z.string().min(1),
  choices: z.array(choiceSchema).min(2),
});

export const stepSchema = z.discriminatedUnion('kind', [checkStepSchema, actionStepSchema, manualStepSchema, decisionStepSchema]);

export type Step = z.output<typeof stepSchema>;
export type CheckStep = z.output<typeof checkStepSchema>;
export type ActionStep = z.output<typeof actionStepSchema>;
export type ManualStep = z.output<typeof manualStepSchema>;
export type DecisionStep = z.output<typeof decisionStepSchema>;
