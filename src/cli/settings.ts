// Settings = the config file (validated) with the command line on top.
import { existsSync } from 'node:fs';
import { loadConfigFile, parseConfig } from '../config/load';
import type { Config } from '../config/schema';
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

export function loadSettings(cli: CliOptions, env: NodeJS.ProcessEnv = process.env): Settings {
  const configFile = cli.config ?? (existsSync('opsdeck.yaml') ? 'opsdeck.yaml' : undefined);
  const config = configFile ? loadConfigFile(configFile) : parseConfig('', '(defaults)');
  return {
    config,
    configFile,
    dockerHost: resolveDockerHost(config.docker.host, env),
    project: cli.project ?? config.project,
    readOnly: cli.readOnly ?? config.read_only,
    auditPath: config.audit.path ?? defaultAuditPath(env),
  };
}
