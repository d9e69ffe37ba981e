// The `kafka:` section of opsdeck.yaml: where the brokers are, which groups to watch, and
// when lag becomes a problem. SASL/TLS settings go to kafkajs as they are; secrets may be
// ${ENV} references, expanded only when the client is built (see kafka-client.ts).
import { z } from 'zod';
import { durationSchema as duration } from '../../config/duration-schema';

const count = (what: string) => z.number({ error: `expected ${what} (a whole number)` }).int({ error: `expected ${what} (a whole number)` }).nonnegative();

const levels = (what: string) => z.strictObject({ warn: count(what), crit: count(what) })
  .refine((l) => l.crit >= l.warn, { error: 'crit must be at least warn' });

const ssl = z.union([z.boolean(), z.strictObject({
  ca: z.string().optional(),
  cert: z.string().optional(),
  key: z.string().optional(),
  passphrase: z.string().optional(),
  servername: z.string().optional(),
  reject_unauthorized: z.boolean().optional(),
})]);

const sasl = z.strictObject({
  mechanism: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']),
  username: z.string().min(1),
  password: z.string(),
});

export const kafkaConfigSchema = z.strictObject({
  brokers: z.array(z.string().regex(/^[^\s:]+:\d+$/, { error: 'expected a broker like localhost:9092' }), { error: 'expected a list of brokers like [localhost:9092]' }).min(1, { error: 'expected at least one broker' }),
  client_id: z.string().min(1).default('opsdeck'),
  ssl: ssl.optional(),
  sasl: sasl.optional(),
  /** Groups to watch; all consumer groups when absent. */
  groups: z.array(z.string().min(1)).min(1).optional(),
  /** Topics the watched groups are expected to read (shown even before a first commit). */
  topics: z.array(z.string().min(1)).optional(),
  poll: duration.default(5000),
  thresholds: z.strictObject({
    lag_messages: levels('messages').optional(),
    lag_seconds: levels('seconds').default({ warn: 30, crit: 300 }),
  }).default({ lag_seconds: { warn: 30, crit: 300 } }),
  /** Commits kept per partition for the status (Burrow's window). */
  window: z.number().int().min(2, { error: 'expected a window of at least 2 commits' }).default(10),
  /** Lag the consumers report themselves, e.g. seed 002's volatility_consumer_lag_seconds. */
  consumer_metrics: z.array(z.strictObject({
    group: z.string().min(1),
    url: z.string().regex(/^https?:\/\//, { error: 'expected an http(s):// URL' }),
    metric: z.string().min(1).default('volatility_consumer_lag_seconds'),
  })).default([]),
});

export type KafkaConfig = z.output<typeof kafkaConfigSchema>;
