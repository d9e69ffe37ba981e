// An esbuild plugin that patches a few lines of dependencies as they are bundled, each to take
// work off the start-up path or off every frame (scripts/ink-frame-patches.mjs). Every patch must
// match exactly: a dependency update that changes a line fails the build here rather than quietly
// bringing the cost back.
import { readFile } from 'node:fs/promises';
import { INK_FRAME_PATCHES } from './ink-frame-patches.mjs';
import { UNICODE_START_PATCHES } from './unicode-start-patches.mjs';

// Stands in for a module until first use: calls, `new` and property reads load it, then pass through.
const LAZY = "function __opsdeckLazy(load) { let m; const get = () => (m ??= load()); return new Proxy(function () {}, { apply: (_, self, args) => Reflect.apply(get(), self, args), construct: (_, args) => Reflect.construct(get(), args), get: (_, key) => get()[key] }); }\n";

/** `name = require('x')` becomes a stand-in that requires x on first use. */
function lazy(file, statement) {
  const [name, call] = statement.split(' = ');
  return { file, find: statement, replace: `${name} = __opsdeckLazy(() => ${call})`, prelude: LAZY };
}

// [file inside node_modules, text, replacement]
const PATCHES = [
  // dockerode loads its BuildKit session (gRPC + protobufjs) and build-context packer (tar-fs),
  // and docker-modem loads ssh2, all at require time: ~60 ms that only image builds and
  // ssh:// engines need.
  lazy('dockerode/lib/docker.js', "withSession = require('./session')"),
  lazy('dockerode/lib/util.js', "var DockerIgnore = require('@balena/dockerignore')"),
  lazy('dockerode/lib/util.js', "var tar = require('tar-fs')"),
  lazy('docker-modem/lib/modem.js', "ssh = require('./ssh')"),
  // Node built-ins that only some paths use, each loaded (and compiled) at start otherwise: https
  // and with it tls and crypto (docker-modem, for TLS engines), zlib (dockerode, for build
  // contexts), assert (signal-exit, for a misuse check), child_process and with it dgram
  // (commander, for executable subcommands, which opsdeck has none of; terminal-size, when the
  // terminal does not say its size): ~12 ms of a start.
  lazy('docker-modem/lib/http.js', "nativeHttps = require('https')"),
  lazy('dockerode/lib/util.js', "var zlib = require('zlib')"),
  lazy('ink/node_modules/signal-exit/index.js', "var assert = require('assert')"),
  lazy('restore-cursor/node_modules/signal-exit/index.js', "var assert = require('assert')"),
  { file: 'terminal-size/index.js', find: "import {execFileSync} from 'node:child_process';", replace: "const execFileSync = (...args) => process.getBuiltinModule('node:child_process').execFileSync(...args);" },
  { file: 'commander/lib/command.js', find: "import childProcess from 'node:child_process';", replace: "const childProcess = __opsdeckLazy(() => process.getBuiltinModule('node:child_process'));", prelude: LAZY },
  // Yoga's Emscripten loader fetch()es its own base64 data: URL whenever fetch exists, which loads
  // Node's whole fetch implementation (~30 ms) to decode 90 KB; its synchronous decoder does that.
  { file: 'yoga-layout/dist/binaries/yoga-wasm-base64-esm.js', find: 'return w||"function"!=typeof fetch?', replace: 'return true?' },
  ...UNICODE_START_PATCHES,
  ...INK_FRAME_PATCHES,
];

export const dependencyPatches = {
  name: 'dependency-patches',
  setup(b) {
    const files = [...new Set(PATCHES.map((p) => p.file))];
    const filter = new RegExp(`node_modules/(${files.map((f) => f.replace(/[.]/g, '\\.')).join('|')})$`);
    b.onLoad({ filter }, async (args) => {
      const mine = PATCHES.filter((p) => args.path.endsWith(`node_modules/${p.file}`));
      let text = await readFile(args.path, 'utf8');
      for (const patch of mine) {
        if (!text.includes(patch.find)) throw new Error(`dependency-patches: "${patch.find}" not found in ${patch.file}; update scripts/dependency-patches.mjs`);
        text = text.replace(patch.find, patch.replace);
      }
      const prelude = [...new Set(mine.map((p) => p.prelude).filter(Boolean))].join('');
      return { contents: prelude + text, loader: 'js' };
    });
  },
};
