// Settings = the config file (validated) with the command line and the environment on top. This
// part needs no validator: the cockpit's start takes a cached config through it (cockpit-settings.ts).
import { existsSync } from 'node:fs';
import type { Config } from '../config/schema';
import { readConfigText } from '../config/config-error';
import { resolveDockerHost } from '../docker/docker-host';
import { defaultAuditPath } from '../audit/journal';

export interface CliOptions {
  project?: string;
  config?: string;
  readOnly?: boolean;
}

export interface Settings {
  config: Config;
  configFile?: string;
  dockerHost: string;
  project?: string;
  readOnly: boolean;
  auditPath: string;
}

/** The config file in use: --config, else ./opsdeck.yaml when there is one. */
export function configFileOf(cli: CliOptions): string | undefined {
  return cli.config ?? (existsSync('opsdeck.yaml') ? 'opsdeck.yaml' : undefined);
}

/** The text of that file; none (the defaults) without one. */
export function configTextOf(configFile: string | undefined): string {
  return configFile ? readConfigText(configFile) : '';
}

export function settingsOf(config: Config, configFile: string | undefined, cli: CliOptions, env: NodeJS.ProcessEnv): Settings {
  return {
    config,
    configFile,
    dockerHost: resolveDockerHost(config.docker.host, env),
    project: cli.project ?? config.project,
    readOnly: cli.readOnly ?? config.read_only,
    auditPath: config.audit.path ?? defaultAuditPath(env),
  };
}
