// The cockpit's settings at start: an unchanged config file is taken from the config cache, so
// the first frame waits for no yaml, zod or schema; any other is validated (and then kept).
import { resolve } from 'node:path';
import { configCache } from '../config/config-cache';
import { configFileOf, configTextOf, settingsOf, type CliOptions, type Settings } from './settings-of';

export async function cockpitSettings(cli: CliOptions, env: NodeJS.ProcessEnv = process.env): Promise<Settings> {
  const cache = configCache(env);
  if (!cache) return (await import('./settings')).loadSettings(cli, env);
  const configFile = configFileOf(cli);
  const text = configTextOf(configFile);
  const key = configFile ? resolve(configFile) : '(defaults)';
  let config = cache.read(key, text);
  if (!config) {
    const { validatedConfig } = await import('./settings');
    config = validatedConfig(text, configFile);
    cache.write(key, text, config);
  }
  return settingsOf(config, configFile, cli, env);
}
