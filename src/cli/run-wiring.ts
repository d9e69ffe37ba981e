// `opsdeck run` with everything from the settings: Docker (host and project), the audit journal,
// and, when the config has a kafka section, kafka_lag probes and offset resets over one admin client.
import type { Settings } from './settings';
import { connectDocker } from '../docker/connect';
import { DockerRuntime } from '../runbooks/docker-runtime';
import { runRunbookCommand } from '../runbooks/run-command';
import { fullProber } from '../runbooks/probes/full-prober';
import { adminFromConfig } from '../runbooks/probes/admin-access';
import { kafkaOffsetResetter } from '../runbooks/probes/offset-resetter';

export interface RunFlags {
  id: string;
  params: Record<string, string>;
  dryRun: boolean;
  yes: boolean;
  resume?: string;
}

export async function runFromCli(settings: Settings, flags: RunFlags): Promise<number> {
  const runtime = new DockerRuntime(connectDocker(settings.dockerHost), settings.project);
  const kafka = settings.config.kafka ? adminFromConfig(settings.config.kafka) : undefined;
  try {
    return await runRunbookCommand({
      ...flags, dockerHost: settings.dockerHost, project: settings.project, auditPath: settings.auditPath,
      runtime, prober: fullProber({ runtime, withAdmin: kafka?.withAdmin }),
      offsets: kafka ? kafkaOffsetResetter(kafka.withAdmin) : undefined,
      input: process.stdin,
    });
  } finally {
    await kafka?.close();
  }
}
