// The config each opsdeck.yaml last validated to, kept so that the cockpit's next start with the
// file unchanged draws its first frame without loading yaml, zod and every schema (~25 ms of a
// ~420 ms start on the 2-core bench machine; bench/RESULTS.md). An entry serves only the very text
// and the very build that validated it. Configs whose meaning is more than their text are not kept:
// key bindings are checked against the runbook library on disk.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Config } from './schema';

interface Entry {
  build: string;
  file: string;
  text: string;
  config: Config;
}

export class ConfigCache {
  constructor(readonly dir: string, private readonly build: string) {}

  /** `file` is an absolute path, or a name such as "(defaults)" for the config of no file. */
  read(file: string, text: string): Config | undefined {
    try {
      const entry = JSON.parse(readFileSync(this.pathOf(file), 'utf8')) as Entry;
      return entry.build === this.build && entry.file === file && entry.text === text ? entry.config : undefined;
    } catch {
      return undefined;
    }
  }

  write(file: string, text: string, config: Config): void {
    if (Object.keys(config.keys).length > 0) return;
    const json = JSON.stringify({ build: this.build, file, text, config } satisfies Entry);
    // Only plain data comes back from JSON the same; anything else is validated every start.
    if (!isDeepStrictEqual((JSON.parse(json) as Entry).config, config)) return;
    const path = this.pathOf(file);
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(`${path}.${process.pid}`, json);
      renameSync(`${path}.${process.pid}`, path);
    } catch {
      // A read-only or full cache dir: the next start validates again.
    }
  }

  private pathOf(file: string): string {
    return join(this.dir, `${fnv1a(file)}.json`);
  }
}

/** The build's cache; none when opsdeck runs from source (tests, tsx), which has no build id. */
export function configCache(env: NodeJS.ProcessEnv = process.env): ConfigCache | undefined {
  if (typeof __OPSDECK_BUILD__ !== 'string') return undefined;
  const base = env.XDG_CACHE_HOME || join(env.HOME || '/tmp', '.cache');
  return new ConfigCache(join(base, 'opsdeck', 'config'), __OPSDECK_BUILD__);
}

/** One entry per config path; a clash of two paths only costs a validation. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}
