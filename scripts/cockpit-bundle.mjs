// The esbuild options that make a bundle of the cockpit what dist/ ships: Ink with our dependency
// patches, React's production build, CommonJS dependencies inlined into ESM. Shared by
// scripts/build.mjs and bench/frame-micro.mjs, so the benchmark times the frames users get.
import { dependencyPatches } from './dependency-patches.mjs';
import { builtinsViaRequire } from './builtins-via-require.mjs';
import { stubDevtools } from './stub-devtools.mjs';

// Inlined CommonJS dependencies still call require() and read __dirname inside the ESM bundle.
const cjsShim = "import { createRequire as __opsdeckRequire } from 'node:module'; const require = __opsdeckRequire(import.meta.url); const __dirname = import.meta.dirname; const __filename = import.meta.filename;";

export const cockpitBundle = {
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
  logLevel: 'warning',
};
