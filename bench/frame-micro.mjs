// Bundles bench/frame-micro.tsx as dist/ is bundled (Ink with scripts/dependency-patches.mjs,
// React's production build) and runs it on the pinned Node 24.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dependencyPatches } from '../scripts/dependency-patches.mjs';
import { stubDevtools } from '../scripts/stub-devtools.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const node = existsSync(`${root}node_modules/.bin/node`) ? `${root}node_modules/.bin/node` : process.execPath;
const outfile = `${root}node_modules/.cache/opsdeck-bench/frame-micro.mjs`;
await build({
  entryPoints: [`${root}bench/frame-micro.tsx`], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node22', jsx: 'automatic',
  external: ['cpu-features', 'pg-native', '*.node', 'dockerode', 'pg', 'kafkajs', 'undici', 'execa'], define: { 'process.env.NODE_ENV': '"production"' },
  banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
  plugins: [stubDevtools, dependencyPatches], logLevel: 'warning',
});
// Node's flags as bin/opsdeck passes them (read from it, so the two cannot drift), unless others are given to compare.
const binFlags = /exec "\$node" (.*?) "\$here/.exec(readFileSync(`${root}bin/opsdeck`, 'utf8'))?.[1].split(' ');
if (!binFlags) throw new Error('frame-micro: no `exec "$node" FLAGS "$here...` line in bin/opsdeck');
const flags = process.argv.length > 2 ? process.argv.slice(2) : binFlags;
const run = spawnSync(node, [...flags, outfile], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
