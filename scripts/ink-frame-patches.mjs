// Patches of Ink's frame path, applied by scripts/dependency-patches.mjs. Ink builds every frame
// from scratch: it tokenises, measures and serialises each line of the screen again. These keep
// what a line costs with the line, so an unchanged line is a lookup. `npm run bench:frames`
// (bench/frame-micro.tsx) measures a frame.
import { fileURLToPath } from 'node:url';

// Each of an Output's cache maps also answers from the previous frame's map, so entries live as
// long as some frame uses them and memory stays at about two frames' worth. Only this frame's own
// maps are kept for the next: an entry the next frame does not use dies with it, young. (Kept
// whole, each frame's changed lines lived two frames, at 0.5 frames/s long enough to be promoted
// to old space, which then grew between full collections.)
// A frame that took less than a quarter of its lines from the one before replaced the screen: a
// full-screen view opened or closed. The screen before it is then kept beneath, one frame's worth,
// so the frame that goes back to it (closing the help or the details) finds the panes' lines
// instead of measuring and splitting every one of them again.
const FRAME_CACHES = `class __OpsdeckTwoFrameMap { constructor(previous, beneath) { this.now = new Map(); this.previous = previous; this.beneath = beneath; this.fromPrevious = 0; }
  get(key) {
    let value = this.now.get(key);
    if (value === undefined) {
      value = this.previous?.get(key);
      if (value !== undefined) this.fromPrevious++;
      else value = this.beneath?.get(key);
      if (value !== undefined) this.now.set(key, value);
    }
    return value;
  }
  set(key, value) { this.now.set(key, value); return this; } }
const __opsdeckCacheNames = ['widths', 'blockWidths', 'styledChars', 'lines', 'slices', 'segmentWidths'];
let __opsdeckLastMaps;
let __opsdeckBeneath;
function __opsdeckFrameCaches(caches) {
  const last = __opsdeckLastMaps;
  if (last && last.lines.fromPrevious * 4 < last.lines.now.size) __opsdeckBeneath = Object.fromEntries(__opsdeckCacheNames.map((name) => [name, last[name].previous]));
  __opsdeckLastMaps = {};
  for (const name of __opsdeckCacheNames) __opsdeckLastMaps[name] = caches[name] = new __OpsdeckTwoFrameMap(last?.[name].now, __opsdeckBeneath?.[name]);
  return caches;
}
`;

const BLANK_ROW_LOOP = `const row = [];
            for (let x = 0; x < this.width; x++) {
                row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });
            }`;

// A row whose cells are the very objects of the same row last frame (cached, shared blanks) has
// the same text: it is reused instead of being serialised again. Most rows of a frame are such.
// The grid's rows are two arrays per screen row used in turn (a new grid was 80 KB a frame at
// 200x50, kept a frame for this comparison and so promoted at idle): the frame writes into the
// one the comparison does not hold.
const ROW_TEXTS = `let __opsdeckLastRows = [];
const __opsdeckRowPairs = [];
function __opsdeckBlankRow(y, width) {
  const held = __opsdeckLastRows[y]?.cells;
  const pair = (__opsdeckRowPairs[y] ??= []);
  const slot = pair[0] === held ? 1 : 0;
  if (pair[slot]?.length !== width) pair[slot] = new Array(width);
  return pair[slot].fill(__opsdeckBlankCell);
}
function __opsdeckRowText(row, y, toString) {
  const last = __opsdeckLastRows[y];
  if (last && last.cells.length === row.length && last.cells.every((cell, x) => cell === row[x])) {
    last.cells = row;
    return last.text;
  }
  const text = toString(row).trimEnd();
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
const LINES = `// A line needs no re-serialising to be the same line, unless a Text's colour is laid over it:
// chalk re-opens its colour after each of its own end codes, and finds them only as Ink writes
// them. A Text without colour or style leaves its line as it is.
function __opsdeckRawFits(line, transformers) {
  if (transformers.length === 0 || !line.includes('\\x1b')) return true;
  for (const transformer of transformers) if (transformer(line, 0) !== line) return false;
  return true;
}
function __opsdeckLines(caches, text, toString, transformers) {
  if (!text.includes('\\n') && __opsdeckRawFits(text, transformers) && __opsdeckSegmentWidth(caches, text) >= 0) return [text];
  let lines = caches.lines.get(text);
  if (lines === undefined) {
    const characterLines = [[]];
    for (const character of caches.getStyledChars(text)) { if (character.value === '\\n') characterLines.push([]); else characterLines.at(-1).push(character); }
    lines = characterLines.map(line => toString(line));
    caches.lines.set(text, lines);
  }
  return lines;
}
function __opsdeckSlice(output, line, from, to, transformers) {
  let byRange = output.caches.slices.get(line);
  if (byRange === undefined) output.caches.slices.set(line, (byRange = new Map()));
  const raw = __opsdeckRawFits(line, transformers);
  const key = (from * 65536 + to) * (raw ? 1 : -1);
  let slice = byRange.get(key);
  if (slice === undefined) {
    if (raw && from < to && __opsdeckSegmentWidth(output.caches, line) >= 0) slice = __opsdeckSliceColumns(line, from, to, stringWidth);
    byRange.set(key, (slice ??= output.sliceLineToColumns(line, from, to)));
  }
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

// A line of plain characters whose colours close again is kept whole where it overlaps nothing
// on its row, and a row of such lines is joined as text (src/terminal/segment-rows.ts); any other
// write turns its row into Ink's cells, the lines kept so far placed first, in their order.
const SEGMENT_ROWS = `import { SegmentRows as __OpsdeckSegmentRows } from ${JSON.stringify(fileURLToPath(new URL('../src/terminal/segment-rows.ts', import.meta.url)))};
import { segmentWidth as __opsdeckSegmentWidthOf, sliceColumns as __opsdeckSliceColumns } from ${JSON.stringify(fileURLToPath(new URL('../src/terminal/plain-line.ts', import.meta.url)))};
function __opsdeckSegmentWidth(caches, line) {
  let width = caches.segmentWidths.get(line);
  if (width === undefined) caches.segmentWidths.set(line, (width = __opsdeckSegmentWidthOf(line, stringWidth)));
  return width;
}
function __opsdeckSegmentLine(output, grid, y, x, line) {
  const rows = output.__opsdeckSegments;
  if (!rows.holdsLines(y)) return false;
  const width = __opsdeckSegmentWidth(output.caches, line);
  if (width === 0) return true;
  if (width > 0 && rows.take(y, x, width, line)) return true;
  const kept = rows.toCells(y);
  for (let i = 0; i < kept.length; i += 3) output.applyWriteOperation(grid, { x: kept[i], y, text: kept[i + 2], transformers: [] }, undefined);
  return false;
}
function __opsdeckRowOut(segments, row, y, toString) {
  return segments.text(y) ?? __opsdeckRowText(row, y, toString);
}
`;

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

const HIDE_FIND = `node.yogaNode?.setDisplay(isHidden || node.style.display === 'none'
        ? Yoga.DISPLAY_NONE
        : Yoga.DISPLAY_FLEX);`;

// Every text's width was measured again on each frame; layout has just measured the same text
// through measure-text's cache, so the frame asks that cache.
const MEASURE_TEXT = "import __opsdeckMeasureText from './measure-text.js';\n";

// Ink draws at most one frame per 1000/maxFps ms. Under a log flood the logs pane redraws ten
// times a second, so a key pressed just after one of those frames waited out the rest of the
// window (up to 17 ms at 60 fps, longer on a busy machine) before its frame was drawn. A key's
// frame is drawn at once; only frames with no key behind them are throttled. Ink's input handler
// notes the time of the key, and the next render within KEY_FRAME_MS of it is not held back.
const KEY_FRAME = "const __opsdeckKeyFrame = (globalThis[Symbol.for('opsdeck.key-frame')] ??= { at: -Infinity });\n";
const KEY_FRAME_MS = 100;
const RENDER_NOW = `this.hasPendingThrottledRender = true;
                throttled();
                if (performance.now() - __opsdeckKeyFrame.at < ${KEY_FRAME_MS}) { __opsdeckKeyFrame.at = -Infinity; throttled.flush(); }`;

// Rows and lines back to text without the library's garbage (src/terminal/styled-chars-text.ts).
const STYLED_CHARS_TEXT = fileURLToPath(new URL('../src/terminal/styled-chars-text.ts', import.meta.url));
const INK_STYLED_IMPORT = "import { styledCharsFromTokens, styledCharsToString, tokenize, } from '@alcalzone/ansi-tokenize';";
const OPSDECK_STYLED_IMPORT = `import { styledCharsFromTokens, tokenize, diffAnsiCodes as __opsdeckDiffAnsiCodes, ansiCodesToString as __opsdeckAnsiCodesToString } from '@alcalzone/ansi-tokenize';
import { styledCharsWriter as __opsdeckStyledCharsWriter } from ${JSON.stringify(STYLED_CHARS_TEXT)};
const styledCharsToString = __opsdeckStyledCharsWriter(__opsdeckDiffAnsiCodes, __opsdeckAnsiCodesToString);`;

// A string beyond printable ASCII was measured grapheme by grapheme (src/terminal/alone-width.ts):
// every log row, for its box-drawing separator.
const ALONE_WIDTH = `import { aloneWidth as __opsdeckAloneWidth } from ${JSON.stringify(fileURLToPath(new URL('../src/terminal/alone-width.ts', import.meta.url)))};\n`;
const ASCII_FAST_PATH = 'if (/^[\\u0020-\\u007E]*$/.test(string)) {\n\t\treturn string.length;\n\t}';
const ALONE_FAST_PATH = `${ASCII_FAST_PATH}
	const __aloneWidth = ambiguousIsNarrow && string.length > 1 ? __opsdeckAloneWidth(string, stringWidth) : undefined;
	if (__aloneWidth !== undefined) {
		return __aloneWidth;
	}`;

// { file inside node_modules, exact text, replacement, code the file needs first }
// Ink walks the whole tree after every commit looking for a <Static>, which opsdeck never draws;
// with the help and the hidden panes kept built, that walk was 7 % of the samples inside the keys
// of a --cpu-prof profile of the log flood. It now starts once some node has been made static.
const STATIC_MADE = 'let __opsdeckStaticMade = false;\n';
// Ink marks a node static in createInstance and in commitUpdate: the same lines at two depths.
const MAKE_STATIC = (indent) => [`${indent}if (key === 'internal_static') {\n${indent}    node.internal_static = true;`,
  `${indent}if (key === 'internal_static') {\n${indent}    node.internal_static = true; __opsdeckStaticMade = true;`];

export const INK_FRAME_PATCHES = [
  // Incremental rendering rewrites a changed line whole: the diffing stdout finds the changed
  // cells, and Ink's own prefix diff measured both lines' widths again (0.3 % of a core at idle).
  { file: 'ink/build/log-update.js', find: 'lineUpdate(previousLines[i], nextLine, stream.columns)', replace: 'lineUpdate(previousLines[i], nextLine, undefined)' },
  { file: 'ink/build/output.js', find: INK_STYLED_IMPORT, replace: OPSDECK_STYLED_IMPORT },
  { file: 'ink/build/output.js', find: 'caches = new OutputCaches();', replace: 'caches = __opsdeckFrameCaches(new OutputCaches());', prelude: FRAME_CACHES },
  // Each frame starts from a grid of blank cells, 10,000 new objects at 200x50. Cells are only
  // ever replaced, never changed in place, so all of them can be the same blank; and the rows are
  // the arrays of two frames ago, filled with it (ROW_TEXTS).
  { file: 'ink/build/output.js', find: BLANK_ROW_LOOP, replace: 'const row = __opsdeckBlankRow(y, this.width);', prelude: "const __opsdeckBlankCell = { type: 'char', value: ' ', fullWidth: false, styles: [] };\n" },
  { file: 'ink/build/output.js', find: ROW_TO_TEXT, replace: '.map((line, y) => __opsdeckRowOut(this.__opsdeckSegments, line, y, styledCharsToString))', prelude: ROW_TEXTS },
  { file: 'ink/build/output.js', find: 'const clips = [];', replace: 'this.__opsdeckSegments = new __OpsdeckSegmentRows(this.height, this.width);\n        const clips = [];', prelude: SEGMENT_ROWS },
  { file: 'ink/build/output.js', find: 'const characters = this.caches.getStyledChars(line);\n            // Nothing to write', replace: 'if (__opsdeckSegmentLine(this, output, y + index, x, line)) continue;\n            const characters = this.caches.getStyledChars(line);\n            // Nothing to write', prelude: SEGMENT_ROWS },
  { file: 'ink/build/output.js', find: WRITE_LINES, replace: 'let lines = __opsdeckLines(this.caches, text, styledCharsToString, transformers);', prelude: LINES },
  { file: 'ink/build/output.js', find: 'return this.sliceLineToColumns(line, from, to);', replace: 'return __opsdeckSlice(this, line, from, to, transformers);', prelude: LINES },
  { file: 'ink/build/output.js', find: '.filter(character => !/^\\p{Default_Ignorable_Code_Point}+$/u.test(character.value));', replace: '.filter(__opsdeckVisible);', prelude: IGNORABLE },
  { file: 'ink/build/output.js', find: 'const width = this.caches.getWidestLine(text);', replace: 'const width = __opsdeckMeasureText(text).width;', prelude: MEASURE_TEXT },
  { file: 'ink/build/output.js', find: 'const width = this.caches.getStringWidth(line);', replace: 'const width = __opsdeckMeasureText(line).width;', prelude: MEASURE_TEXT },
  // Each character of each line written went through the iterator protocol, every frame; at 0.5
  // frames a second the loop is never optimised, so every step allocated its result object.
  { file: 'ink/build/output.js', find: 'for (const character of characters) {', replace: 'for (let __i = 0; __i < characters.length; __i++) { const character = characters[__i];' },
  { file: 'ink/build/ink.js', find: 'this.hasPendingThrottledRender = true;\n                throttled();', replace: RENDER_NOW, prelude: KEY_FRAME },
  { file: 'ink/build/components/App.js', find: 'const emitInput = useCallback((input) => {', replace: 'const emitInput = useCallback((input) => {\n        __opsdeckKeyFrame.at = performance.now();', prelude: KEY_FRAME },
  { file: 'ink/build/render-node-to-output.js', find: 'const currentWidth = widestLine(text);', replace: 'const currentWidth = __opsdeckMeasureText(text).width;', prelude: MEASURE_TEXT },
  { file: 'string-width/index.js', find: ASCII_FAST_PATH, replace: ALONE_FAST_PATH, prelude: ALONE_WIDTH },
  // A node hidden by React (an <Activity> in hidden mode) keeps its place in the layout and is not
  // drawn, instead of being taken out of the layout with display: none. Yoga forgets a removed
  // subtree's layout and measurements, so showing the panes again after the help laid out and
  // measured every node of the screen afresh inside the key's frame. The full-screen views that
  // hide the panes are drawn over them (views/App.tsx). A screen reader's text skips them too.
  { file: 'ink/build/dom.js', find: HIDE_FIND, replace: '' },
  { file: 'ink/build/render-node-to-output.js', find: 'if (!yogaNode || yogaNode.getDisplay() === Yoga.DISPLAY_NONE) {', replace: 'if (!yogaNode || yogaNode.getDisplay() === Yoga.DISPLAY_NONE || node.isHidden) {' },
  { file: 'ink/build/render-node-to-output.js', find: "node.yogaNode?.getDisplay() === Yoga.DISPLAY_NONE) {\n        return '';", replace: "node.yogaNode?.getDisplay() === Yoga.DISPLAY_NONE || node.isHidden) {\n        return '';" },
  { file: 'ink/build/renderer.js', find: 'if (ancestor.yogaNode?.getDisplay() === Yoga.DISPLAY_NONE) {', replace: 'if (ancestor.yogaNode?.getDisplay() === Yoga.DISPLAY_NONE || ancestor.isHidden) {' },
  ...['            ', '                '].map((indent) => {
    const [find, replace] = MAKE_STATIC(indent);
    return { file: 'ink/build/reconciler.js', find, replace, prelude: STATIC_MADE };
  }),
  { file: 'ink/build/reconciler.js', find: 'const staticNode = findStaticNode(rootNode);', replace: 'const staticNode = __opsdeckStaticMade ? findStaticNode(rootNode) : undefined;', prelude: STATIC_MADE },
  { file: 'ink/build/squash-text-nodes.js', find: "text = sanitizeAnsi(text.replaceAll('\\r\\n', '\\n'));", replace: 'text = __opsdeckSanitize(text, sanitizeAnsi);', prelude: SANITIZED },
];
