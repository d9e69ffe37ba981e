// The esbuild options that make a bundle of the cockpit what dist/ ships: Ink with our dependency
// patches, React's production build, CommonJS dependencies inlined into ESM. Shared by
// scripts/build.mjs and bench/frame-micro.mjs, so the benchmark times the frames users get.
import { dependencyPatches } from './dependency-patches.mjs';
import { builtinsViaRequire } from './builtins-via-require.mjs';
import { stubDevtools } from './stub-devtools.mjs';
import { buildId } from './build-id.mjs';

// Inlined CommonJS dependencies still call require() and read __dirname inside the ESM bundle.
const cjsShim = "import { createRequire as __opsdeckRequire } from 'node:module'; const require = __opsdeckRequire(import.meta.url); const __dirname = import.meta.dirname; const __filename = import.meta.filename;";

export const cockpitBundle = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  jsx: 'automatic',
  // Native add-ons stay outside: ssh2's optional cpu-features and pg's optional pg-native. So do
  // the packages dockerode requires only for ssh engines and image builds, which opsdeck does not
  // use (dependency-patches.mjs defers them): inlined, they were ~1 MB of the ~3 MB of code read
  // and decoded at every start. Should they be needed, they load from node_modules.
  external: ['cpu-features', 'pg-native', '*.node', 'ssh2', '@grpc/grpc-js', '@grpc/proto-loader', 'tar-fs', '@balena/dockerignore'],
  // React and friends pick their production builds (the development ones cost ~12 % CPU under a log flood).
  // __OPSDECK_BUILD__ keys caches that only this build may read (src/config/config-cache.ts).
  define: { 'process.env.NODE_ENV': '"production"', __OPSDECK_BUILD__: JSON.stringify(buildId()) },
  banner: { js: cjsShim },
  plugins: [stubDevtools, dependencyPatches, builtinsViaRequire],
  logLevel: 'warning',
};
