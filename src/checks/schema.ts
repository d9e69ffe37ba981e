import { z } from 'zod';
import { durationSchema as duration } from '../config/duration-schema';
import { parseExpectation } from './json-expectation';
import type { CheckSpec } from './types';
import { messageOf } from './words';

const port = z.number().int().min(1).max(65_535);

const common = {
  name: z.string().min(1),
  interval: duration.default(15_000),
  timeout: duration.default(5_000),
};

const expectation = z.string().superRefine((source, ctx) => {
  try {
    parseExpectation(source);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: messageOf(err) });
  }
});

const httpSpec = z.strictObject({
  ...common,
  type: z.literal('http'),
  url: z.string().regex(/^https?:\/\/[^/\s]+/, { error: 'expected an http:// or https:// URL' }),
  method: z.enum(['GET', 'HEAD', 'POST']).default('GET'),
  headers: z.record(z.string(), z.string()).default({}),
  body: z.string().optional(),
  expect_status: z.union([z.number().int(), z.array(z.number().int())])
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .default([]),
  max_redirects: z.number().int().min(0).default(5),
  max_body_bytes: z.number().int().positive().default(1 << 20),
  json: z.array(expectation).default([]),
  fields: z.array(z.string().min(1)).default([]),
  slow_after: duration.optional(),
});

const tcpSpec = z.strictObject({
  ...common,
  type: z.literal('tcp'),
  host: z.string().min(1),
  port,
  send: z.string().optional(),
  expect: z.string().optional(),
});

const postgresSpec = z.strictObject({
  ...common,
  type: z.literal('postgres'),
  host: z.string().min(1).default('127.0.0.1'),
  port: port.default(5432),
  user: z.string().min(1),
  password: z.string().optional(),
  database: z.string().min(1).default('postgres'),
  connections_degraded_at: z.number().gt(0).max(1).default(0.8),
  replication_lag_degraded: duration.default(30_000),
});

const execSpec = z.strictObject({
  ...common,
  type: z.literal('exec'),
  command: z.string().min(1),
  args: z.array(z.string()).default([]),
  cwd: z.string().optional(),
});

const dockerSpec = z.strictObject({
  ...common,
  type: z.literal('docker'),
  container: z.string().min(1),
});

export const checkSpecSchema = z.discriminatedUnion('type', [httpSpec, tcpSpec, postgresSpec, execSpec, dockerSpec]);

export const checkSpecsSchema = z.array(checkSpecSchema).superRefine((specs, ctx) => {
  const seen = new Set<string>();
  specs.forEach((spec, index) => {
    if (seen.has(spec.name)) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `duplicate check name ${JSON.stringify(spec.name)}` });
    seen.add(spec.name);
  });
});

// Compile-time guard: what the schema produces is exactly what the probes take.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesTypes: Same<z.output<typeof checkSpecSchema>, CheckSpec> = true;
void schemaMatchesTypes;
