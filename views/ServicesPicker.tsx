import React from 'react';
import { Box, Text } from 'ink';
import { useCockpit } from './context';
import { serviceColor } from './theme';

export function ServicesPicker({ services, shown, cursor, width }: { services: string[]; shown: (s: string) => boolean; cursor: number; width: number }) {
  const { theme } = useCockpit();
  return (
    <Box flexDirection="column" width={width} borderStyle={theme.border} borderColor={theme.color ? 'cyan' : undefined} paddingX={1}>
      <Text bold>Services in the logs pane — space toggles · o only this · a all · esc done</Text>
      {services.length === 0 ? <Text dimColor>no services yet</Text> : null}
      {services.map((service, n) => (
        <Text key={service} inverse={n === cursor}>
          {shown(service) ? '[x] ' : '[ ] '}
          <Text color={theme.color ? serviceColor(service) : undefined}>{service}</Text>
        </Text>
      ))}
    </Box>
  );
}
