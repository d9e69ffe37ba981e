// What the cockpit adds beside the containers and logs: health and latency, Kafka lag, and the
// runbooks. Loaded after the first listing, so their libraries do not delay the first frame.
import type { Cockpit } from '../../views/context';
import type { Settings } from './settings';
import type { UiSource } from './ui';
import { openHealthSources, closeHealthSources } from '../health/sources';
import { LagSource } from '../kafka/source/lag-source';
import { cockpitRunbooks } from './runbook-ui';
import { ProcessSource } from '../process/process-source';
import { ProcessRuntime } from '../process/process-runtime';

/** Starts the extra sources on `cockpit`, tells the screen, and returns how to stop them. */
export function attachExtras(cockpit: Cockpit, settings: Settings, source: UiSource): () => Promise<void> {
  const { config } = settings;
  Object.assign(cockpit, openHealthSources(config, cockpit.state, (id) => source.details(id)));
  if (config.kafka) (cockpit.lag = new LagSource(config.kafka)).start();
  const runtime = source instanceof ProcessSource ? new ProcessRuntime(source, settings.project) : undefined;
  cockpit.runbooks = cockpitRunbooks(settings, cockpit.lag, runtime);
  cockpit.state.set((s) => ({ ...s, extrasAt: Date.now() }));
  return async () => {
    await closeHealthSources(cockpit);
    await cockpit.lag?.stop();
  };
}
