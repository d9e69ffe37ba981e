// An esbuild plugin that defers a few top-level require()s inside dependencies until first use.
// dockerode requires its BuildKit session (gRPC + protobufjs) and its build-context packer
// (tar-fs), and docker-modem requires ssh2, all at load; opsdeck needs none of them unless it
// builds an image or talks to an ssh:// engine, and loading them cost ~60 ms of every start.
import { readFile } from 'node:fs/promises';

// [file inside node_modules, the exact `name = require('x')` text in it]
const DEFERRED = [
  ['dockerode/lib/docker.js', "withSession = require('./session')"],
  ['dockerode/lib/util.js', "var DockerIgnore = require('@balena/dockerignore')"],
  ['dockerode/lib/util.js', "var tar = require('tar-fs')"],
  ['docker-modem/lib/modem.js', "ssh = require('./ssh')"],
];

// Stands in for the module: calls, `new` and property reads load it then pass through.
const LAZY = "function __opsdeckLazy(load) { let m; const get = () => (m ??= load()); return new Proxy(function () {}, { apply: (_, self, args) => Reflect.apply(get(), self, args), construct: (_, args) => Reflect.construct(get(), args), get: (_, key) => get()[key] }); }\n";

export const lazyRequires = {
  name: 'lazy-requires',
  setup(b) {
    const files = [...new Set(DEFERRED.map(([file]) => file))];
    const filter = new RegExp(`node_modules/(${files.map((f) => f.replace(/[.]/g, '\\.')).join('|')})$`);
    b.onLoad({ filter }, async (args) => {
      const file = files.find((f) => args.path.endsWith(`node_modules/${f}`));
      let text = await readFile(args.path, 'utf8');
      for (const [, statement] of DEFERRED.filter(([f]) => f === file)) {
        // A dependency update that changes the line must fail the build, not quietly load eagerly.
        if (!text.includes(statement)) throw new Error(`lazy-requires: "${statement}" not found in ${file}; update scripts/lazy-requires.mjs`);
        const [name, call] = statement.split(' = ');
        text = text.replace(statement, `${name} = __opsdeckLazy(() => ${call})`);
      }
      return { contents: LAZY + text, loader: 'js' };
    });
  },
};
