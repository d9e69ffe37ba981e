import React from 'react';
import { Box, Text } from 'ink';
import { useCockpit } from './context';

interface PaneProps {
  title: string;
  focused: boolean;
  width: number;
  height: number;
  right?: string;
  children: React.ReactNode;
}

/** A bordered pane with its title in the top border line, k9s style. */
export function Pane({ title, focused, width, height, right, children }: PaneProps) {
  const { theme } = useCockpit();
  const color = theme.color ? (focused ? 'cyan' : 'gray') : undefined;
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle={theme.border} borderColor={color}>
      <Box marginTop={-1} marginLeft={1} height={1} justifyContent="space-between" width={width - 4}>
        <Text bold={focused} color={color} wrap="truncate-end">{` ${title} `}</Text>
        {right ? <Text color={theme.color ? 'gray' : undefined} wrap="truncate-start">{` ${right} `}</Text> : null}
      </Box>
      <Box flexDirection="column" height={height - 2} overflow="hidden">
        {children}
      </Box>
    </Box>
  );
}
