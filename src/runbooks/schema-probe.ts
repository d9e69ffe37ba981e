// What a `check` step (or `wait_healthy`, or a signal) probes, and what it expects to find.
import { z } from 'zod';
import { parseExpectation } from '../checks/json-expectation';
import { argv, httpMethod, intOrParam, serviceName, statusList } from './schema-common';

const expectation = z.string().superRefine((source, ctx) => {
  try {
    parseExpectation(source);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
});

export const httpProbeSchema = z.strictObject({
  type: z.literal('http'),
  url: z.string().min(1),
  method: httpMethod.default('GET'),
  headers: z.record(z.string(), z.string()).default({}),
  body: z.string().optional(),
  /** Accepted status codes; empty means any 2xx. */
  status: statusList.optional(),
  /** Expectations on the JSON body, e.g. "model_loaded == true". */
  json: z.array(expectation).default([]),
  contains: z.string().optional(),
});

export const tcpProbeSchema = z.strictObject({
  type: z.literal('tcp'),
  host: z.string().min(1).default('127.0.0.1'),
  port: intOrParam(1),
});

/** A command in a service's container, or on this machine when no service is named. */
export const execProbeSchema = z.strictObject({
  type: z.literal('exec'),
  service: serviceName.optional(),
  command: argv,
  shell: z.boolean().default(false),
  exit_code: z.number().int().default(0),
  contains: z.string().optional(),
  not_contains: z.string().optional(),
});

export const dockerProbeSchema = z.strictObject({
  type: z.literal('docker'),
  service: serviceName,
  state: z.enum(['running', 'exited', 'absent']).default('running'),
  health: z.enum(['healthy', 'unhealthy', 'starting', 'none']).optional(),
});

export const postgresProbeSchema = z.strictObject({
  type: z.literal('postgres'),
  host: z.string().default('127.0.0.1'),
  port: intOrParam(1).default(5432),
  user: z.string().min(1),
  password: z.string().optional(),
  database: z.string().default('postgres'),
});

export const kafkaLagProbeSchema = z.strictObject({
  type: z.literal('kafka_lag'),
  group: z.string().min(1),
  topic: z.string().optional(),
  max_messages: z.number().int().min(0).optional(),
  max_seconds: z.number().min(0).optional(),
});

/** A Prometheus metric read from a /metrics URL and compared with a threshold. */
export const metricProbeSchema = z.strictObject({
  type: z.literal('metric'),
  url: z.string().min(1),
  name: z.string().min(1),
  labels: z.record(z.string(), z.string()).default({}),
  below: z.number().optional(),
  above: z.number().optional(),
});

export const probeSchema = z.discriminatedUnion('type', [
  httpProbeSchema, tcpProbeSchema, execProbeSchema, dockerProbeSchema, postgresProbeSchema, kafkaLagProbeSchema, metricProbeSchema,
]);

export type Probe = z.output<typeof probeSchema>;
export type ProbeType = Probe['type'];
export type HttpProbe = z.output<typeof httpProbeSchema>;
export type ExecProbe = z.output<typeof execProbeSchema>;
export type DockerProbe = z.output<typeof dockerProbeSchema>;
export type MetricProbe = z.output<typeof metricProbeSchema>;
