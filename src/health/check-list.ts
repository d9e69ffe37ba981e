// The checks to run: those the config declares, plus one per service whose containers carry
// an `opsdeck.health` label (http(s)://… or tcp://host:port). The config wins on a name clash.
import { checkSpecSchema } from '../checks/schema';
import type { CheckSpec } from '../checks/types';
import type { Instance } from '../runtime/types';
import type { ConfiguredCheck } from './config-schema';
import type { HealthCheck } from './health-check';

export { checkTarget, type HealthCheck } from './health-check';

export const HEALTH_LABEL = 'opsdeck.health';

export function configuredChecks(checks: ConfiguredCheck[]): HealthCheck[] {
  return checks.map(({ service, ...spec }) => ({ id: spec.name, service: service ?? spec.name, spec: spec as CheckSpec, origin: 'config' }));
}

/** One check per labelled service (replicas share it), named after the service. */
export function labelledChecks(instances: Instance[], taken: ReadonlySet<string>): HealthCheck[] {
  const out = new Map<string, HealthCheck>();
  for (const instance of instances) {
    const value = instance.labels?.[HEALTH_LABEL]?.trim();
    if (!value || out.has(instance.service) || taken.has(instance.service)) continue;
    out.set(instance.service, fromLabel(instance.service, value));
  }
  return [...out.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export function allChecks(configured: HealthCheck[], instances: Instance[]): HealthCheck[] {
  return [...configured, ...labelledChecks(instances, new Set(configured.map((c) => c.id)))];
}

function fromLabel(service: string, value: string): HealthCheck {
  const tcp = /^tcp:\/\/([^:/\s]+):(\d+)\/?$/.exec(value);
  const raw = tcp
    ? { name: service, type: 'tcp', host: tcp[1], port: Number(tcp[2]), interval: '10s', timeout: '2s' }
    : { name: service, type: 'http', url: value, fields: ['model_version'], interval: '10s', timeout: '2s' };
  const parsed = checkSpecSchema.safeParse(raw);
  if (parsed.success) return { id: service, service, spec: parsed.data, origin: 'label' };
  const reason = parsed.error.issues[0]?.message ?? 'unreadable';
  const placeholder: CheckSpec = { name: service, type: 'exec', command: '-', args: [], interval: 60_000, timeout: 1000 };
  return { id: service, service, spec: placeholder, origin: 'label', problem: `label ${HEALTH_LABEL}=${value}: ${reason}` };
}
