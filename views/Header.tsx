import React, { memo } from 'react';
import { Box, Text } from 'ink';
import { useCockpit } from './context';
import { useAppState } from './hooks';
import { isFailing } from '../src/runtime/failing';

export const Header = memo(function Header({ width }: { width: number }) {
  const { theme, project, readOnly } = useCockpit();
  const docker = useAppState((s) => s.docker);
  const instances = useAppState((s) => s.instances);
  const unhealthy = instances.filter(isFailing).length;
  const processes = docker.kind === 'processes';
  const engine = processes ? 'local processes' : docker.status === 'up' ? `docker ${docker.version ?? ''}` : docker.status === 'down' ? 'docker DOWN' : 'docker connecting…';
  const engineColor = theme.color ? (docker.status === 'up' ? 'green' : docker.status === 'down' ? 'red' : 'yellow') : undefined;
  return (
    <Box width={width} height={1}>
      <Text wrap="truncate-end">
        <Text bold color={theme.color ? 'cyan' : undefined}>opsdeck</Text>
        {readOnly ? <Text color={theme.color ? 'yellow' : undefined}> [read-only]</Text> : null}
        {'  '}<Text color={engineColor}>{engine}</Text>
        {`  ${theme.glyph.sep} project ${project || 'all'} ${theme.glyph.sep} ${instances.length} ${processes ? 'services' : 'containers'}`}
        {unhealthy ? <Text color={theme.color ? 'red' : undefined} bold>{`  ${unhealthy} failing`}</Text> : null}
        {width >= 120 && !processes ? `  ${theme.glyph.sep} ${docker.host}` : ''}
      </Text>
    </Box>
  );
});
