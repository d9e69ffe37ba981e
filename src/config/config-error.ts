// A config problem, as FILE:LINE:COL lines; and reading the file, which needs no parser. Apart
// from load.ts so that a cockpit whose config is cached never loads yaml and zod.
import { readFileSync } from 'node:fs';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

export function readConfigText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError([`${file}: cannot read config: ${(error as Error).message}`]);
  }
}
