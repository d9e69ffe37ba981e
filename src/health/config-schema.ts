// The config sections for health checks, metrics scrapes, SLO targets and an optional
// Prometheus server. Plugged into src/config/schema.ts, so errors carry FILE:LINE:COL.
import { z } from 'zod';
import { durationSchema as duration } from '../config/duration-schema';
import { checkSpecSchema } from '../checks/schema';
import type { CheckSpec } from '../checks/types';

const httpUrl = z.string().regex(/^https?:\/\/[^/\s]+/, { error: 'expected an http:// or https:// URL' });

/** A check as the config declares it: any check spec, tied to the service it watches. */
export type ConfiguredCheck = CheckSpec & { service?: string };

// Every check type, each with an optional `service` (default: the check's name).
const withService = checkSpecSchema.options.map((option) => option.extend({ service: z.string().min(1).optional() }));
const configuredCheck = z.discriminatedUnion('type', withService as unknown as [typeof withService[number], ...typeof withService[number][]]);

export const checksSchema = z.array(configuredCheck).superRefine((checks, ctx) => {
  const seen = new Set<string>();
  checks.forEach((check, index) => {
    if (seen.has(check.name)) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: 'duplicate check name' });
    seen.add(check.name);
  });
}) as unknown as z.ZodType<ConfiguredCheck[], unknown[]>;

/** "1%", "0.5 %" or a share like 0.01. */
const share = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const match = typeof value === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(value) : undefined;
  const n = typeof value === 'number' ? value : match ? Number(match[1]) / 100 : NaN;
  if (!(n >= 0 && n <= 1)) {
    ctx.addIssue({ code: 'custom', message: `expected a share like 0.01 or a percentage like "1%", got ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return n;
});

const sloFields = { p95: duration.optional(), error_rate: share.optional() };

/** Defaults: the seed stack's p95 < 800 ms and error rate < 1 %. */
export const sloSchema = z.strictObject(sloFields).default({}).transform((slo) => ({ p95Ms: slo.p95 ?? 800, errorRate: slo.error_rate ?? 0.01 }));

export const metricsTargetSchema = z.strictObject({
  /** The service's /metrics; may be left out when prometheus.url is set. */
  url: httpUrl.optional(),
  histogram: z.string().min(1).optional(),
  requests: z.string().min(1).optional(),
  /** Prometheus mode: the job label selecting this service (default: the service name). */
  job: z.string().min(1).optional(),
  window: duration.default(60_000),
  interval: duration.default(5_000),
  timeout: duration.default(5_000),
  /** Overrides of the top-level slo for this service. */
  slo: z.strictObject(sloFields).optional(),
});

export const metricsSchema = z.record(z.string().min(1), metricsTargetSchema).default({});

export const prometheusSchema = z.strictObject({
  url: httpUrl,
  timeout: duration.default(5_000),
});

export type MetricsTargetConfig = z.output<typeof metricsTargetSchema>;
export type PrometheusConfig = z.output<typeof prometheusSchema>;
