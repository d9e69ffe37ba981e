// A cockpit-like table for the screen-diffing tests: counters that change every tick, colours,
// wide glyphs (CJK, emoji) and a letter with a combining mark. Colours are written as SGR in the
// text, as the cockpit's theme does, so they show whatever colour support the test process has.
import React from 'react';
import { Box, Text, useWindowSize } from 'ink';

export function Table({ tick }: { tick: number }) {
  const { columns, rows } = useWindowSize();
  const services = ['api', 'worker', '調度器', 'cache 🚀', 'café'.normalize('NFD'), 'db'];
  return (
    <Box flexDirection="column" width={columns} height={rows} borderStyle="round">
      <Text>{`\x1b[1mopsdeck\x1b[22m 試験 — tick ${tick}`}</Text>
      {services.map((name, i) => (
        <Box key={name} gap={1}>
          <Box width={10}><Text>{name}</Text></Box>
          <Text>{`\x1b[${i % 2 ? 32 : 31}m${`${(tick * 7 + i * 13) % 100}%`.padStart(4)}\x1b[39m`}</Text>
          <Text>{`\x1b[44;97m${tick % 3 === i % 3 ? ' busy ' : ' idle '}\x1b[49;39m`}</Text>
          <Text>{`\x1b[2;38;5;${200 + tick}m${tick % 2 ? '漢字かな' : 'ascii'}\x1b[22;39m \x1b[1;38;2;${tick * 40};90;200mRGB\x1b[m`}</Text>
        </Box>
      ))}
    </Box>
  );
}

