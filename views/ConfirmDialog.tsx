import React from 'react';
import { Box, Text } from 'ink';
import { useCockpit } from './context';

/** Says exactly what will happen; only `y` goes ahead. */
export function ConfirmDialog({ text, width }: { text: string; width: number }) {
  const { theme } = useCockpit();
  return (
    <Box flexDirection="column" width={width} borderStyle={theme.border} borderColor={theme.color ? 'red' : undefined} paddingX={1}>
      <Text bold color={theme.color ? 'red' : undefined}>Confirm</Text>
      <Text wrap="wrap">{text}</Text>
      <Text>
        <Text bold>y</Text> yes, do it   <Text bold>n</Text>/<Text bold>esc</Text> no
      </Text>
    </Box>
  );
}
