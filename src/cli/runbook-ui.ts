// The cockpit's runbook wiring: the library, the config's key bindings, and an engine that
// reaches the services (Docker by default) and Kafka through the lag pane's connection.
import type { Settings } from './settings';
import type { LagSource } from '../kafka/source/lag-source';
import type { RunbookAccess } from '../../views/runbook-access';
import { loadRunbookLibrary } from '../runbooks/load';
import { connectDocker } from '../docker/connect';
import { DockerRuntime } from '../runbooks/docker-runtime';
import { fullProber } from '../runbooks/probes/full-prober';
import { kafkaOffsetResetter } from '../runbooks/probes/offset-resetter';
import type { WithAdmin } from '../runbooks/probes/admin-access';
import type { ContainerRuntime } from '../runbooks/engine/types';

/** `runtime` is what the runbooks act on: Docker by default, local processes in `opsdeck demo`. */
export function cockpitRunbooks(settings: Settings, lag?: LagSource, runtime: ContainerRuntime = new DockerRuntime(connectDocker(settings.dockerHost), settings.project),
  env: NodeJS.ProcessEnv = process.env): RunbookAccess {
  const library = loadRunbookLibrary();
  const withAdmin: WithAdmin | undefined = lag ? (work) => lag.withAdmin(work) : undefined;
  return {
    library,
    keys: settings.config.keys,
    engine: { prober: fullProber({ runtime, withAdmin, env }), runtime, offsets: withAdmin ? kafkaOffsetResetter(withAdmin) : undefined, env },
  };
}
