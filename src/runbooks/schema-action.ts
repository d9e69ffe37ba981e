// What an `action` step does. Each kind has one exact dry-run rendering (see executors/).
import { z } from 'zod';
import { probeSchema } from './schema-probe';
import { argv, duration, httpMethod, intOrParam, serviceName, statusList } from './schema-common';

const service = { service: serviceName, project: z.string().min(1).optional() };

export const containerActionSchema = z.strictObject({ type: z.enum(['restart', 'stop', 'start']), ...service });

/** Recreate the service's container with the same config but changed environment. */
export const recreateActionSchema = z.strictObject({
  type: z.literal('recreate'),
  ...service,
  env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'expected an environment variable name' }), z.string()).default({}),
  unset: z.array(z.string()).default([]),
});

export const execActionSchema = z.strictObject({ type: z.literal('exec'), ...service, command: argv, exit_code: z.number().int().default(0) });

/** A command on this machine; an argument array unless `shell: true`, then one shell string. */
export const commandActionSchema = z.strictObject({
  type: z.literal('command'),
  command: z.union([argv, z.string().min(1)]),
  shell: z.boolean().default(false),
  cwd: z.string().optional(),
  env: z.record(z.string(), z.string()).default({}),
  exit_code: z.number().int().default(0),
}).superRefine((action, ctx) => {
  if (typeof action.command === 'string' && !action.shell) {
    ctx.addIssue({ code: 'custom', path: ['command'], message: 'a command written as one string runs in a shell: add `shell: true`, or write it as an argument array' });
  }
});

export const httpActionSchema = z.strictObject({
  type: z.literal('http'),
  url: z.string().min(1),
  method: httpMethod.default('POST'),
  headers: z.record(z.string(), z.string()).default({}),
  body: z.string().optional(),
  status: statusList.optional(),
});

export const resetOffsetsActionSchema = z.strictObject({
  type: z.literal('reset_offsets'),
  group: z.string().min(1),
  topic: z.string().min(1),
  to: z.enum(['latest', 'earliest', 'timestamp']),
  timestamp: z.string().optional(),
});

/** Poll a probe until it passes or the step's timeout ends. */
export const waitActionSchema = z.strictObject({ type: z.literal('wait_healthy'), probe: probeSchema, interval: duration.default(1000) });

export const backupActionSchema = z.strictObject({
  type: z.literal('backup'),
  paths: z.array(z.string().min(1)).min(1),
  to: z.string().min(1),
  cwd: z.string().optional(),
});

export const loadActionSchema = z.strictObject({
  type: z.literal('load'),
  url: z.string().min(1),
  method: httpMethod.default('POST'),
  headers: z.record(z.string(), z.string()).default({}),
  body: z.string().optional(),
  count: intOrParam(1),
  concurrency: intOrParam(1).default(4),
});

export const actionSchema = z.discriminatedUnion('type', [
  containerActionSchema, recreateActionSchema, execActionSchema, commandActionSchema, httpActionSchema,
  resetOffsetsActionSchema, waitActionSchema, backupActionSchema, loadActionSchema,
]);

export type Action = z.output<typeof actionSchema>;
export type ActionType = Action['type'];
export type ActionOf<T extends ActionType> = Extract<Action, { type: T }>;
