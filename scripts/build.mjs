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
