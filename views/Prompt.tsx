import React from 'react';
import { Box, Text } from 'ink';
import { useCockpit } from './context';

export function Prompt({ label, text, error, width }: { label: string; text: string; error?: string; width: number }) {
  const { theme } = useCockpit();
  return (
    <Box width={width} height={1}>
      <Text wrap="truncate-end">
        <Text color={theme.color ? 'cyan' : undefined} bold>{label} </Text>
        {text}
        <Text inverse> </Text>
        {error ? <Text color={theme.color ? 'red' : undefined}>  {error}</Text> : <Text dimColor>  enter apply · esc cancel</Text>}
      </Text>
    </Box>
  );
}
