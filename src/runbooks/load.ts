// Finds and validates runbook files: the bundled ones in runbooks/ and the user's own in
// $XDG_CONFIG_HOME/opsdeck/runbooks/ (a user runbook with a bundled id replaces it).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, parseYaml } from '../config/load';
import { runbookSchema, type Runbook } from './schema';

export interface LoadedRunbook {
  runbook: Runbook;
  file: string;
  origin: 'bundled' | 'user';
}

export interface RunbookLibrary {
  runbooks: Map<string, LoadedRunbook>;
  /** FILE:LINE:COL problems of files that did not load; the others still do. */
  problems: string[];
}

export function parseRunbook(text: string, file: string): Runbook {
  return parseYaml(runbookSchema, text, file);
}

export function loadRunbookFile(file: string): Runbook {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError([`${file}: cannot read runbook: ${(error as Error).message}`]);
  }
  return parseRunbook(text, file);
}

/** The runbooks/ directory shipped with opsdeck, found upwards from this module (src/ or dist/). */
export function bundledRunbooksDir(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'runbooks');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return resolve('runbooks');
  }
}

export function userRunbooksDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'opsdeck', 'runbooks');
}

export function runbookFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort().map((name) => join(dir, name));
}

export function loadRunbookLibrary(dirs: { bundled?: string; user?: string } = {}): RunbookLibrary {
  const runbooks = new Map<string, LoadedRunbook>();
  const problems: string[] = [];
  const sources: [string, LoadedRunbook['origin']][] = [[dirs.bundled ?? bundledRunbooksDir(), 'bundled'], [dirs.user ?? userRunbooksDir(), 'user']];
  for (const [dir, origin] of sources) {
    for (const file of runbookFiles(dir)) {
      try {
        const runbook = loadRunbookFile(file);
        const earlier = runbooks.get(runbook.id);
        if (earlier && earlier.origin === origin) problems.push(`${file}: runbook id "${runbook.id}" is also used by ${earlier.file}`);
        runbooks.set(runbook.id, { runbook, file, origin });
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        problems.push(...error.problems);
      }
    }
  }
  return { runbooks, problems };
}
