// `npm run bench`: builds dist/ (as `npm run build` does, so bin/opsdeck is current), bundles
// bench/suite.ts with esbuild into node_modules/.cache and runs it on the pinned Node 24
// (node_modules/.bin/node; the system node may be too old for ink and undici).
// Arguments pass through; see bench/suite.ts. `--long` makes the idle scenario 10 minutes.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const node = existsSync(`${root}node_modules/.bin/node`) ? `${root}node_modules/.bin/node` : process.execPath;
const built = spawnSync(node, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
// Inside node_modules so the bundle's bare imports (dockerode, esbuild) resolve.
const outfile = `${root}node_modules/.cache/opsdeck-bench/suite.mjs`;
await build({
  entryPoints: [`${root}bench/suite.ts`], outfile, bundle: true, platform: 'node', format: 'esm',
  target: 'node22', packages: 'external', logLevel: 'warning',
});
const run = spawnSync(node, [outfile, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env: { ...process.env, OPSDECK_ROOT: root } });
process.exit(run.status ?? 1);
