// A hash of what a build is made of: the sources and the dependencies' lock file.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export function buildId() {
  const hash = createHash('sha256');
  const files = ['src', 'views', 'actions']
    .flatMap((dir) => readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name)))
    .sort();
  for (const file of [...files, join(root, 'package-lock.json')]) hash.update(file.slice(root.length)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}
