// The health and latency sources as the cockpit runs them: built from the config, following
// the Docker source's containers for labelled defaults, stopped together at exit.
import type { Config } from '../config/schema';
import type { Store } from '../store/store';
import type { AppState } from '../store/app-state';
import type { InstanceDetails } from '../runtime/types';
import { closeSharedAgent } from '../checks/http-agent';
import { dockerHealthFrom } from './docker-health';
import { HealthSource } from './health-source';
import { LatencySource } from './latency-source';

export interface HealthSources {
  health: HealthSource;
  latency: LatencySource;
}

export function openHealthSources(config: Config, state: Store<AppState>, details?: (id: string) => Promise<InstanceDetails>): HealthSources {
  const dockerHealth = dockerHealthFrom({
    instances: () => state.get().instances,
    engineError: () => (state.get().docker.status === 'down' ? state.get().docker.error ?? 'down' : undefined),
    details,
  });
  const health = new HealthSource({ checks: config.checks, appState: state, dockerHealth });
  const latency = new LatencySource({ metrics: config.metrics, slo: config.slo, prometheus: config.prometheus, appState: state });
  health.open();
  latency.open();
  return { health, latency };
}

export async function closeHealthSources(sources: Partial<HealthSources>): Promise<void> {
  await Promise.all([sources.health?.close(), sources.latency?.close()]);
  await closeSharedAgent();
}
