import { z } from 'zod';
import { durationSchema } from './duration-schema';
import { checksSchema, metricsSchema, prometheusSchema, sloSchema } from '../health/config-schema';
import { kafkaConfigSchema } from '../kafka/source/config-schema';
import { keysSchema } from './keys-schema';
import { processesSchema } from '../process/config-schema';

export { durationSchema };

const positiveInt = (what: string) => z.number({ error: `expected ${what} (a whole number)` }).int({ error: `expected ${what} (a whole number)` }).positive({ error: `expected ${what} above 0` });

export const configSchema = z.strictObject({
  docker: z.strictObject({
    host: z.string().regex(/^(unix|tcp|http|https|npipe):\/\//, { error: 'expected a Docker host like unix:///var/run/docker.sock or tcp://127.0.0.1:2375' }).optional(),
  }).default({}),
  project: z.string().min(1).optional(),
  refresh: durationSchema.default(2000),
  read_only: z.boolean().default(false),
  logs: z.strictObject({
    tail: z.number().int().min(0).default(200),
    buffer: positiveInt('lines kept per service').default(5000),
    buffer_bytes: positiveInt('bytes of log text kept per service').default(1024 * 1024),
    max_line_bytes: positiveInt('bytes per line').default(16 * 1024),
    include: z.array(z.string()).optional(),
    exclude: z.array(z.string()).default([]),
    timestamps: z.boolean().default(false),
    wrap: z.boolean().default(false),
  }).default({ tail: 200, buffer: 5000, buffer_bytes: 1024 * 1024, max_line_bytes: 16 * 1024, exclude: [], timestamps: false, wrap: false }),
  audit: z.strictObject({
    path: z.string().min(1).optional(),
  }).default({}),
  kafka: kafkaConfigSchema.optional(),
  checks: checksSchema.default([]),
  metrics: metricsSchema,
  slo: sloSchema,
  prometheus: prometheusSchema.optional(),
  /** Keys that open a runbook's wizard, e.g. R: { runbook: rollback-baseline-model }. */
  keys: keysSchema.default({}),
  /** Services run as local processes (process-compose style) instead of containers. */
  processes: processesSchema.optional(),
});

export type Config = z.output<typeof configSchema>;
