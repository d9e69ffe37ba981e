// An esbuild plugin that loads node:http through require() where our ESM code imports it. Node
// builds an ES module facade for an imported built-in by reading every export once, and http's
// exports include WebSocket, a getter that loads Node's bundled fetch implementation: 30 ms of
// start-up against 3 ms for require('node:http'). Dependencies already require() it.
const BUILTINS = /^(node:)?https?$/;

export const builtinsViaRequire = {
  name: 'builtins-via-require',
  setup(b) {
    b.onResolve({ filter: BUILTINS }, (args) => args.kind === 'import-statement' ? { path: args.path.replace(/^(node:)?/, 'node:'), namespace: 'builtin-via-require' } : undefined);
    b.onLoad({ filter: /.*/, namespace: 'builtin-via-require' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};
