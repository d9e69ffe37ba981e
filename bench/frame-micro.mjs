// Bundles bench/frame-micro.tsx as dist/ is bundled (Ink with scripts/dependency-patches.mjs,
// React's production build) and runs it on the pinned Node 24.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cockpitBundle } from '../scripts/cockpit-bundle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const node = existsSync(`${root}node_modules/.bin/node`) ? `${root}node_modules/.bin/node` : process.execPath;
const outfile = `${root}node_modules/.cache/opsdeck-bench/frame-micro.mjs`;
// The sources the frames never reach stay outside the bundle (they resolve from node_modules/.cache).
await build({
  ...cockpitBundle, entryPoints: [`${root}bench/frame-micro.tsx`], outfile,
  external: [...cockpitBundle.external, 'dockerode', 'pg', 'kafkajs', 'undici', 'execa'],
});
// Node's flags as bin/opsdeck passes them (read from it, so the two cannot drift), unless others are given to compare.
const binFlags = /exec "\$node" (.*?) "\$here/.exec(readFileSync(`${root}bin/opsdeck`, 'utf8'))?.[1].split(' ');
if (!binFlags) throw new Error('frame-micro: no `exec "$node" FLAGS "$here...` line in bin/opsdeck');
const flags = process.argv.length > 2 ? process.argv.slice(2) : binFlags;
// The test harness's cockpit writes an audit journal in a temp dir: one for this run, removed after.
const scratch = mkdtempSync(join(tmpdir(), 'opsdeck-frames-'));
const run = spawnSync(node, [...flags, outfile], { cwd: root, stdio: 'inherit', env: { ...process.env, TMPDIR: scratch } });
rmSync(scratch, { recursive: true, force: true });
process.exit(run.status ?? 1);
