// Bundles the CLI into dist/ so `bin/opsdeck` starts without a TypeScript toolchain. Every
// dependency is inlined and each command's code is a chunk loaded on use: measured in
// bench/RESULTS.md, this halves the time to the first frame against loading node_modules.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { cockpitBundle } from './cockpit-bundle.mjs';

// Chunk names carry hashes: start clean so old chunks do not pile up. The same goes for the
// compile cache bin/opsdeck keeps (its default place): entries for the old chunks are never read again.
rmSync('dist', { recursive: true, force: true });
rmSync(join(process.env.XDG_CACHE_HOME || join(process.env.HOME || '/tmp', '.cache'), 'opsdeck/node-compile-cache'), { recursive: true, force: true });

await build({
  ...cockpitBundle,
  entryPoints: { opsdeck: 'src/cli/entry.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  // Less to parse and compile at start; names stay, and the source maps map stack traces back.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
});

// The log thread (src/docker/log-thread.ts): its own small bundle, started as a worker thread.
await build({
  entryPoints: { 'log-thread': 'src/docker/log-thread.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  logLevel: 'warning',
});

// The demo stack's services (opsdeck demo): one small bundle each, run by the process runtime.
await build({
  entryPoints: ['api', 'ingestor', 'consumer', 'registry', 'broker'].map((name) => `src/demo/${name}.ts`),
  outdir: 'dist/demo',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  logLevel: 'warning',
});
