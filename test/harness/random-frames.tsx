// Run as a bundle (test/segment-rows.test.ts builds it twice: as dist/ is, with our patches of
// Ink's frame path, and with Ink as published): renders seeded random Ink trees one after another
// (boxes with borders, clipping, overlapping absolute boxes, coloured and styled text, wide,
// combining and zero-width characters) and prints each frame's text as a JSON array. Frames of one
// size follow each other, so what the patched Output keeps from frame to frame is exercised too.
import React, { type ReactElement } from 'react';
import { Box, renderToString, Text } from 'ink';

const seed = Number(process.argv[2] ?? 1);
const count = Number(process.argv[3] ?? 200);
let state = seed;
// mulberry32
const random = () => {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (n: number) => Math.floor(random() * n);
const pick = <T,>(items: readonly T[]): T => items[int(items.length)];

const WORDS = ['api', 'worker', 'request handled status=200', '│', '─┼─', '調度器', '漢字かな', '🚀', 'café'.normalize('NFD'), 'zero\u200bwidth', '  ', 'x'.repeat(30), 'ok'];
const SGR = ['\x1b[31m', '\x1b[1m', '\x1b[2;38;5;200m', '\x1b[44;97m', '\x1b[38;2;10;90;200m', '\x1b[7m', '\x1b[4m', '\x1b[5m'];
const CLOSE = ['\x1b[39m', '\x1b[22m', '\x1b[22;39m', '\x1b[49;39m', '\x1b[39m', '\x1b[27m', '\x1b[24m', '\x1b[25m'];

function words(): string {
  let text = '';
  for (let n = 1 + int(4); n > 0; n--) {
    const word = pick(WORDS);
    const style = int(SGR.length + 3);
    // Mostly closed again, as the theme writes them; now and then left open or reset with \x1b[m.
    text += style < SGR.length ? `${SGR[style]}${word}${int(4) === 0 ? '' : int(3) ? CLOSE[style] : pick(['\x1b[0m', '\x1b[m'])}` : word;
    text += pick([' ', '', ' ', '\n']);
  }
  return text;
}

function leaf(key: number): ReactElement {
  return (
    <Text key={key} wrap={pick(['wrap', 'truncate-end', 'truncate', 'truncate-middle'] as const)} color={pick([undefined, undefined, 'green', 'cyan'])}
      backgroundColor={pick([undefined, undefined, 'blue'])} inverse={int(5) === 0} dimColor={int(5) === 0} bold={int(5) === 0}>
      {words()}{int(3) === 0 ? <Text color="red">{words()}</Text> : null}
    </Text>
  );
}

function box(depth: number, key: number): ReactElement {
  const children = Array.from({ length: 1 + int(3) }, (_, n) => (depth < 3 && int(2) ? box(depth + 1, n) : leaf(n)));
  const absolute = depth > 0 && int(4) === 0;
  return (
    <Box key={key} flexDirection={pick(['row', 'column'] as const)} borderStyle={pick([undefined, 'single', 'round'] as const)}
      overflow={pick(['visible', 'hidden'] as const)} width={int(3) ? 8 + int(40) : undefined} height={int(2) ? 3 + int(6) : undefined}
      paddingLeft={int(3) === 0 ? 1 : 0} backgroundColor={int(6) === 0 ? 'magenta' : undefined}
      position={absolute ? 'absolute' : 'relative'} marginLeft={absolute ? int(20) : 0} marginTop={absolute ? int(3) : 0}>
      {children}
    </Box>
  );
}

// Cases chance may not draw: a style left open before another write on its row, text written over
// text, a colour inside a coloured Text, whole and cut by its box.
const frames = [
  <Box><Text>{'\x1b[1mbold, never closed'}</Text><Text>{' after'}</Text></Box>,
  <Box><Text>{'under │ neath'}</Text><Box position="absolute" marginLeft={3}><Text color="red">{'over'}</Text></Box></Box>,
  // chalk puts the Text's colour back after each of its end codes: after "api", cyan again.
  <Box><Text color="cyan">{'\x1b[44;97mapi\x1b[49;39m after'}</Text></Box>,
  <Box width={9} overflow="hidden"><Box width={30} flexShrink={0}><Text color="cyan">{'\x1b[44;97mapi\x1b[49;39m after all'}</Text></Box></Box>,
].map((tree) => renderToString(tree, { columns: 60 }));
for (let n = 0; n < count; n++) {
  const height = pick([6, 10]);
  frames.push(renderToString(<Box flexDirection="column" width={60} height={height} overflow="hidden">{box(0, 0)}</Box>, { columns: 60 }));
}
process.stdout.write(JSON.stringify(frames));
