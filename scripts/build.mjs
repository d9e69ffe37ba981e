// Bundles the CLI into dist/ so `bin/opsdeck` starts without a TypeScript toolchain. Every
// dependency is inlined and each command's code is a chunk loaded on use: measured in
// bench/RESULTS.md, this halves the time to the first frame against loading node_modules.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { dependencyPatches } from './dependency-patches.mjs';
import { builtinsViaRequire } from './builtins-via-require.mjs';
import { stubDevtools } from './stub-devtools.mjs';

// Chunk names carry hashes: start clean so old chunks do not pile up. The same goes for the
// compile cache bin/opsdeck keeps (its default place): entries for the old chunks are never read again.
rmSync('dist', { recursive: true, force: true });
rmSync(join(process.env.XDG_CACHE_HOME || join(process.env.HOME || '/tmp', '.cache'), 'opsdeck/node-compile-cache'), { recursive: true, force: true });

// Inlined CommonJS dependencies still call require() and read __dirname inside the ESM bundle.
const cjsShim = "import { createRequire as __opsdeckRequire } from 'node:module'; const require = __opsdeckRequire(import.meta.url); const __dirname = import.meta.dirname; const __filename = import.meta.filename;";

await build({
  entryPoints: { opsdeck: 'src/cli/entry.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  jsx: 'automatic',
  // Native add-ons stay outside: ssh2's optional cpu-features and pg's optional pg-native.
  external: ['cpu-features', 'pg-native', '*.node'],
  // React and friends pick their production builds (the development ones cost ~12 % CPU under a log flood).
  define: { 'process.env.NODE_ENV': '"production"' },
  banner: { js: cjsShim },
  plugins: [stubDevtools, dependencyPatches, builtinsViaRequire],
  // Less to parse and compile at start; names stay, and the source maps map stack traces back.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  logLevel: 'warning',
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
