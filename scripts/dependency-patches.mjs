// An esbuild plugin that patches a few lines of dependencies as they are bundled, each to take
// work off the start-up path. Every patch must match exactly: a dependency update that changes a
// line fails the build here rather than quietly bringing the cost back.
import { readFile } from 'node:fs/promises';

// Stands in for a module until first use: calls, `new` and property reads load it, then pass through.
const LAZY = "function __opsdeckLazy(load) { let m; const get = () => (m ??= load()); return new Proxy(function () {}, { apply: (_, self, args) => Reflect.apply(get(), self, args), construct: (_, args) => Reflect.construct(get(), args), get: (_, key) => get()[key] }); }\n";

// Each of an Output's cache maps also answers from the previous frame's map, so entries live as
// long as some frame uses them and memory stays at about two frames' worth.
const FRAME_CACHES = `class __OpsdeckTwoFrameMap { constructor(previous) { this.now = new Map(); this.previous = previous; }
  get(key) { let value = this.now.get(key); if (value === undefined && this.previous) { value = this.previous.get(key); if (value !== undefined) this.now.set(key, value); } return value; }
  set(key, value) { this.now.set(key, value); return this; } }
let __opsdeckLastCaches;
function __opsdeckFrameCaches(caches) { const last = __opsdeckLastCaches; for (const name of ['widths', 'blockWidths', 'styledChars']) caches[name] = new __OpsdeckTwoFrameMap(last?.[name].now); return (__opsdeckLastCaches = caches); }
`;

const BLANK_CELL_LITERAL = `row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });`;

// A row whose cells are the very objects of the same row last frame (cached, shared blanks) has
// the same text: it is reused instead of being serialised again. Most rows of a frame are such.
const ROW_TEXTS = `let __opsdeckLastRows = [];
function __opsdeckRowText(row, y, toString) {
  const last = __opsdeckLastRows[y];
  if (last && last.cells.length === row.length && last.cells.every((cell, x) => cell === row[x])) return last.text;
  const text = toString(row.filter(item => item !== undefined)).trimEnd();
  __opsdeckLastRows[y] = { cells: row, text };
  return text;
}
`;

const ROW_TO_TEXT = `.map(line => {
            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742
            const lineWithoutEmptyItems = line.filter(item => item !== undefined);
            return styledCharsToString(lineWithoutEmptyItems).trimEnd();
        })`;

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
  // Yoga's Emscripten loader fetch()es its own base64 data: URL whenever fetch exists, which loads
  // Node's whole fetch implementation (~30 ms) to decode 90 KB; its synchronous decoder does that.
  { file: 'yoga-layout/dist/binaries/yoga-wasm-base64-esm.js', find: 'return w||"function"!=typeof fetch?', replace: 'return true?' },
  // Ink tokenises and measures every line of the screen again on each frame: its caches live in
  // one Output, one frame. Carried over a frame, the unchanged lines (most of them) are lookups.
  { file: 'ink/build/output.js', find: 'caches = new OutputCaches();', replace: 'caches = __opsdeckFrameCaches(new OutputCaches());', prelude: FRAME_CACHES },
  // Each frame starts from a grid of blank cells, 10,000 new objects at 200x50. Cells are only
  // ever replaced, never changed in place, so all of them can be the same blank.
  { file: 'ink/build/output.js', find: BLANK_CELL_LITERAL, replace: 'row.push(__opsdeckBlankCell);', prelude: "const __opsdeckBlankCell = { type: 'char', value: ' ', fullWidth: false, styles: [] };\n" },
  { file: 'ink/build/output.js', find: ROW_TO_TEXT, replace: '.map((line, y) => __opsdeckRowText(line, y, styledCharsToString))', prelude: ROW_TEXTS },
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
