// Runs bench/health-probes.ts with plain node: bundles it with esbuild (as scripts/build.mjs
// does for the CLI) into node_modules/.cache and imports it. Arguments pass through:
//   node bench/health-probes.mjs [--targets 500] [--interval 1000] [--duration 30000] [--hanging 10]
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Inside node_modules so the bundle's bare imports (undici, zod) resolve.
const outfile = fileURLToPath(new URL('../node_modules/.cache/opsdeck-bench/health-probes.mjs', import.meta.url));
process.env.HEALTH_BENCH_SERVER = fileURLToPath(new URL('./health-bench-server.mjs', import.meta.url));
await build({
  entryPoints: [fileURLToPath(new URL('./health-probes.ts', import.meta.url))],
  outfile, bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', logLevel: 'warning',
});
await import(pathToFileURL(outfile).href);
