// Bundles the CLI into dist/ so `bin/opsdeck` starts without a TypeScript toolchain.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/entry.ts'],
  outfile: 'dist/opsdeck.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  jsx: 'automatic',
  packages: 'external',
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
