// The runbook file format. Every object is strict, so a misspelt key is an error with its
// FILE:LINE:COL rather than a silently ignored setting. runbooks/runbook.schema.json is generated from this.
import { z } from 'zod';
import { stepSchema } from './schema-step';
import { checkCrossReferences } from './schema-refs';

export const parameterSchema = z.strictObject({
  type: z.enum(['string', 'integer', 'number', 'boolean', 'url']).default('string'),
  description: z.string().optional(),
  default: z.union([z.string(), z.number(), z.boolean()]).optional(),
  /** A regular expression a string value must match in full. */
  pattern: z.string().optional(),
  choices: z.array(z.string()).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  /** Never written to the journal or the report. */
  secret: z.boolean().default(false),
});

/** What suggests this runbook: the UI offers it when a live pane shows one of these. */
export const signalSchema = z.discriminatedUnion('on', [
  z.strictObject({ on: z.literal('check'), text: z.string().min(1), check: z.string().optional(), state: z.enum(['down', 'degraded']).default('down'), field: z.string().optional(), equals: z.union([z.string(), z.number(), z.boolean()]).optional() }),
  z.strictObject({ on: z.literal('container'), text: z.string().min(1), service: z.string().optional(), state: z.enum(['exited', 'unhealthy', 'restarting', 'absent']) }),
  z.strictObject({ on: z.literal('metric'), text: z.string().min(1), name: z.string().min(1), above: z.number().optional(), below: z.number().optional() }),
  z.strictObject({ on: z.literal('lag'), text: z.string().min(1), group: z.string().optional(), above_messages: z.number().optional(), above_seconds: z.number().optional() }),
  z.strictObject({ on: z.literal('log'), text: z.string().min(1), service: z.string().optional(), pattern: z.string().min(1) }),
  z.strictObject({ on: z.literal('manual'), text: z.string().min(1) }),
]);

export const runbookSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected an id of lowercase letters, digits and -' }),
  title: z.string().min(1),
  severity: z.enum(['P0', 'P1', 'P2', 'P3']),
  description: z.string().optional(),
  /** Where this procedure comes from, e.g. a seed document and section. */
  source: z.string().optional(),
  /** One run per scope at a time, e.g. "service:{{service}}"; the runbook id by default. */
  scope: z.string().min(1).optional(),
  symptoms: z.array(z.string().min(1)).default([]),
  signals: z.array(signalSchema).default([]),
  parameters: z.record(z.string().regex(/^[A-Za-z_][\w-]*$/), parameterSchema).default({}),
  steps: z.array(stepSchema).min(1, { error: 'a runbook needs at least one step' }),
}).superRefine(checkCrossReferences);

export type Runbook = z.output<typeof runbookSchema>;
export type Parameter = z.output<typeof parameterSchema>;
export type Signal = z.output<typeof signalSchema>;
export type Severity = Runbook['severity'];
export type { Step, CheckStep, ActionStep, ManualStep, DecisionStep } from './schema-step';
export type { Action, ActionType, ActionOf } from './schema-action';
export type { Probe, ProbeType } from './schema-probe';
