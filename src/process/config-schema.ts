// The `processes:` section of opsdeck.yaml: services run as local processes, process-compose
// style. Each has a command (argv, no shell unless you write one), env, cwd, the services it
// depends on, an optional health check and a restart policy.
import { z } from 'zod';
import { durationSchema as duration } from '../config/duration-schema';

const healthSchema = z.strictObject({
  /** Healthy when a GET answers 2xx. */
  http: z.string().regex(/^https?:\/\/[^/\s]+/, { error: 'expected an http:// or https:// URL' }).optional(),
  /** Healthy when host:port accepts a connection. */
  tcp: z.string().regex(/^[^\s:]+:\d+$/, { error: 'expected host:port' }).optional(),
  /** Healthy when this command exits 0 (run in the service's env and cwd). */
  exec: z.array(z.string()).min(1).optional(),
  interval: duration.default(2000),
  timeout: duration.default(2000),
  /** Failures in a row before a healthy service counts as unhealthy. */
  retries: z.number().int().min(1).default(2),
}).refine((h) => [h.http, h.tcp, h.exec].filter(Boolean).length === 1, { error: 'give exactly one of http, tcp or exec' });

export const processSpecSchema = z.strictObject({
  command: z.array(z.string()).min(1, { error: 'expected a command as a list like [node, server.js]' }),
  env: z.record(z.string(), z.string()).default({}),
  cwd: z.string().optional(),
  depends_on: z.array(z.string().min(1)).default([]),
  health: healthSchema.optional(),
  restart: z.enum(['no', 'on-failure', 'always']).default('on-failure'),
  /** Backoff between restarts after a crash: doubles from `min` up to `max`. */
  backoff: z.strictObject({ min: duration.default(500), max: duration.default(15_000) }).default({ min: 500, max: 15_000 }),
  /** SIGTERM, then SIGKILL after this long. */
  stop_grace: duration.default(5000),
  /** How long a dependent waits for this service to be healthy (or running) at start. */
  ready_timeout: duration.default(30_000),
  /** Shown in the cockpit's ports column, e.g. ["127.0.0.1:8000"]. */
  ports: z.array(z.string()).default([]),
});

export const processesSchema = z.record(z.string().regex(/^[A-Za-z0-9][\w.-]*$/, { error: 'expected a service name of letters, digits, . _ -' }), processSpecSchema)
  .superRefine((specs, ctx) => {
    for (const [name, spec] of Object.entries(specs)) {
      for (const dep of spec.depends_on) {
        if (!(dep in specs)) ctx.addIssue({ code: 'custom', path: [name, 'depends_on'], message: `unknown service ${JSON.stringify(dep)}` });
      }
    }
  });

export type ProcessSpec = z.output<typeof processSpecSchema>;
export type ProcessHealth = NonNullable<ProcessSpec['health']>;
/** A service: its name and its spec. */
export type ServiceDef = ProcessSpec & { name: string };

/** Fills the defaults, for services defined in code (the demo) rather than in YAML. */
export function defineService(name: string, spec: z.input<typeof processSpecSchema>): ServiceDef {
  return { name, ...processSpecSchema.parse(spec) };
}
