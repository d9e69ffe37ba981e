import React, { memo } from 'react';
import { Box, Text } from 'ink';
import { useCockpit } from './context';
import type { Binding, Scope } from './key-table';

const TITLES: Record<string, string> = { global: 'Everywhere', containers: 'Containers pane', logs: 'Logs pane' };
const COLUMN_WIDTH = 62;

type Line = { title: string } | { binding: Binding };

interface Props { top: number; bindings: Binding[]; width: number; height: number; scroll: number; titles?: Record<string, string> }

/**
 * The help, made from the key table itself: what is listed is exactly what the keys do. Drawn
 * over the panes from row `top`; a memo with its own box, so that while hidden it is not
 * rendered again each time the cockpit is.
 */
export const HelpOverlay = memo(function HelpOverlay({ top: row, bindings, width, height, scroll, titles = {} }: Props) {
  const { theme, readOnly } = useCockpit();
  const scopes: Scope[] = [...new Set(bindings.map((b) => b.scope))];
  const sections = scopes.map((scope) => [{ title: TITLES[scope] ?? `${titles[scope] ?? scope} pane` } as Line, ...bindings.filter((b) => b.scope === scope).map((binding) => ({ binding }))]);
  const side = width >= COLUMN_WIDTH * Math.min(3, scopes.length) + 4;
  const rows = height - 3;
  const flat = sections.flatMap((lines, n) => (n ? [{ title: '' } as Line, ...lines] : lines));
  const top = Math.max(0, Math.min(scroll, flat.length - rows));
  const render = (line: Line, key: number) => ('title' in line
    ? <Text key={key} bold color={theme.color ? 'cyan' : undefined}>{line.title}</Text>
    : <Text key={key} wrap="truncate-end">
        <Text color={theme.color ? (line.binding.mutates ? 'red' : 'yellow') : undefined}>{line.binding.keys.join(' ').padEnd(16)}</Text>
        {line.binding.help}
      </Text>);
  return (
    <Box position="absolute" marginTop={row} flexDirection="column" width={width} height={height} borderStyle={theme.border} borderColor={theme.color ? 'cyan' : undefined} paddingX={1} overflow="hidden">
      <Text bold wrap="truncate-end">Keys{readOnly ? ' (read-only: actions are off)' : ''} — ?, q or esc closes{side ? '' : ' · j/k scroll'}</Text>
      {side
        ? <Box flexDirection="row" columnGap={2} flexWrap="wrap">{sections.map((lines, n) => <Box key={n} flexDirection="column" width={COLUMN_WIDTH}>{lines.map(render)}</Box>)}</Box>
        : flat.slice(top, top + rows).map((line, n) => render(line, top + n))}
    </Box>
  );
});
