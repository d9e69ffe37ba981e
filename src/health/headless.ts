// What `opsdeck check` and `opsdeck status` report about health and latency: every check run
// once (labelled containers included when Docker answers), every metrics target looked at once.
import type { Config } from '../config/schema';
import type { Instance } from '../runtime/types';
import { allChecks, configuredChecks } from './check-list';
import { dockerHealthFrom } from './docker-health';
import { runChecksOnce, type CheckReport } from './run-once';
import { allTargets, configuredTargets } from './latency-targets';
import { latencyOnce, type LatencyReport } from './latency-once';

export interface HealthSection {
  checks: CheckReport[];
  /** Names of the checks that are down. */
  failing: string[];
}

export async function healthSection(config: Config, instances: Instance[], dockerError?: string): Promise<HealthSection> {
  const checks = allChecks(configuredChecks(config.checks), instances);
  const dockerHealth = dockerHealthFrom({ instances: () => instances, engineError: () => dockerError });
  const reports = await runChecksOnce(checks, { dockerHealth });
  return { checks: reports, failing: reports.filter((r) => r.state === 'down').map((r) => r.name) };
}

export async function latencySection(config: Config, instances: Instance[]): Promise<LatencyReport[]> {
  return latencyOnce(allTargets(configuredTargets(config.metrics, config.slo), instances, config.slo), config.prometheus);
}

/** Whether there is anything to report, so `status` adds the sections only when they mean something. */
export function hasHealthOrLatency(config: Config, instances: Instance[]): boolean {
  return config.checks.length > 0 || Object.keys(config.metrics).length > 0 || instances.some((i) => i.labels?.['opsdeck.health'] || i.labels?.['opsdeck.metrics']);
}
