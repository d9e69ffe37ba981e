// Settings from a validated config file. Key bindings name runbooks, so validating a config needs
// the runbook library: it is registered here, where every command's settings come from.
import { parseConfig } from '../config/load';
import type { Config } from '../config/schema';
import { setKeyRunbooks } from '../config/keys-schema';
import { loadRunbookLibrary } from '../runbooks/load';
import { configFileOf, configTextOf, settingsOf, type CliOptions, type Settings } from './settings-of';

export type { CliOptions, Settings };

setKeyRunbooks(() => loadRunbookLibrary());

export function loadSettings(cli: CliOptions, env: NodeJS.ProcessEnv = process.env): Settings {
  const configFile = configFileOf(cli);
  return settingsOf(validatedConfig(configTextOf(configFile), configFile), configFile, cli, env);
}

/** The config `text` says, validated; problems name `file` (or "(defaults)" without one). */
export function validatedConfig(text: string, file?: string): Config {
  return parseConfig(text, file ?? '(defaults)');
}
