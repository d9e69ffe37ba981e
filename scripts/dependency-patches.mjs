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
function __opsdeckFrameCaches(caches) { const last = __opsdeckLastCaches; for (const name of ['widths', 'blockWidths', 'styledChars', 'lines', 'slices']) caches[name] = new __OpsdeckTwoFrameMap(last?.[name].now); return (__opsdeckLastCaches = caches); }
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

// A write's text as one string per line, re-serialised from its styled characters: every write
// did this again each frame, the frame's largest allocation. Kept with the caches above; the
// arrays are never changed in place (clipping maps and slices them into new ones).
const LINES = `function __opsdeckLines(caches, text, toString) {
  let lines = caches.lines.get(text);
  if (lines === undefined) {
    const characterLines = [[]];
    for (const character of caches.getStyledChars(text)) { if (character.value === '\\n') characterLines.push([]); else characterLines.at(-1).push(character); }
    lines = characterLines.map(line => toString(line));
    caches.lines.set(text, lines);
  }
  return lines;
}
function __opsdeckSlice(output, line, from, to) {
  let byRange = output.caches.slices.get(line);
  if (byRange === undefined) output.caches.slices.set(line, (byRange = new Map()));
  const key = from * 65536 + to;
  let slice = byRange.get(key);
  if (slice === undefined) byRange.set(key, (slice = output.sliceLineToColumns(line, from, to)));
  return slice;
}
`;

const WRITE_LINES = `const characterLines = [[]];
        for (const character of this.caches.getStyledChars(text)) {
            if (character.value === '\\n') {
                characterLines.push([]);
            }
            else {
                characterLines.at(-1).push(character);
            }
        }
        let lines = characterLines.map(line => styledCharsToString(line));`;

// Each character of a new line was tested against a fresh copy of this Unicode-property regex;
// ASCII is never default-ignorable, and one regex object serves every test.
const IGNORABLE = "const __opsdeckIgnorable = /^\\p{Default_Ignorable_Code_Point}+$/u;\nconst __opsdeckVisible = (character) => character.value.length === 1 && character.value.charCodeAt(0) < 128 || !__opsdeckIgnorable.test(character.value);\n";

// Ink squashes each text's pieces and cleans the result of unsafe escape sequences on every frame,
// twice for a changed text (layout, then output). The cleaning is a function of the string alone.
const SANITIZED = `import __OpsdeckLru from 'quick-lru';
const __opsdeckSanitized = new __OpsdeckLru({ maxSize: 4096 });
function __opsdeckSanitize(text, sanitizeAnsi) {
  let clean = __opsdeckSanitized.get(text);
  if (clean === undefined) __opsdeckSanitized.set(text, (clean = sanitizeAnsi(text.replaceAll('\\r\\n', '\\n'))));
  return clean;
}
`;

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
  { file: 'ink/build/output.js', find: WRITE_LINES, replace: 'let lines = __opsdeckLines(this.caches, text, styledCharsToString);', prelude: LINES },
  { file: 'ink/build/output.js', find: 'return this.sliceLineToColumns(line, from, to);', replace: 'return __opsdeckSlice(this, line, from, to);', prelude: LINES },
  { file: 'ink/build/output.js', find: '.filter(character => !/^\\p{Default_Ignorable_Code_Point}+$/u.test(character.value));', replace: '.filter(__opsdeckVisible);', prelude: IGNORABLE },
  // Every text's width was measured again on each frame; layout has just measured the same text
  // through measure-text's cache, so the frame asks that cache.
  { file: 'ink/build/render-node-to-output.js', find: 'const currentWidth = widestLine(text);', replace: 'const currentWidth = __opsdeckMeasureText(text).width;', prelude: "import __opsdeckMeasureText from './measure-text.js';\n" },
  { file: 'ink/build/squash-text-nodes.js', find: "text = sanitizeAnsi(text.replaceAll('\\r\\n', '\\n'));", replace: 'text = __opsdeckSanitize(text, sanitizeAnsi);', prelude: SANITIZED },
  { file: 'ink/build/output.js', find: 'const width = this.caches.getWidestLine(text);', replace: 'const width = __opsdeckMeasureText(text).width;', prelude: "import __opsdeckMeasureText from './measure-text.js';\n" },
  { file: 'ink/build/output.js', find: 'const width = this.caches.getStringWidth(line);', replace: 'const width = __opsdeckMeasureText(line).width;', prelude: "import __opsdeckMeasureText from './measure-text.js';\n" },
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
