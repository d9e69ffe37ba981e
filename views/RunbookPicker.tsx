import React from 'react';
import { Box, Text } from 'ink';
import { useCockpit } from './context';
import type { PickerOverlay } from './runbook-picker';

/** Runbooks to open a wizard for; those a live signal suggests come first with what was seen. */
export function RunbookPicker({ overlay, width, height }: { overlay: PickerOverlay; width: number; height: number }) {
  const { theme, readOnly, runbooks } = useCockpit();
  const problems = runbooks?.library.problems ?? [];
  const rows = Math.max(1, height - 4 - (problems.length ? 1 : 0));
  const top = Math.max(0, Math.min(overlay.cursor - Math.floor(rows / 2), overlay.entries.length - rows));
  const color = (c: string) => (theme.color ? c : undefined);
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle={theme.border} borderColor={color('cyan')} paddingX={1} overflow="hidden">
      <Text bold wrap="truncate-end">{`Runbooks — enter opens the wizard${readOnly ? ' (read-only: steps are shown, nothing runs)' : ''} · j/k move · esc close`}</Text>
      {problems.length
        ? <Text color={color('red')} wrap="truncate-end">{`${problems.length} problem(s) in runbook files, those files skipped (opsdeck runbook list shows all): ${problems[0]}`}</Text>
        : null}
      {overlay.entries.slice(top, top + rows).map((entry, n) => {
        const selected = top + n === overlay.cursor;
        return (
          <Text key={entry.id} wrap="truncate-end" inverse={selected && theme.color} bold={selected}>
            {`${selected ? theme.glyph.selected : ' '} `}
            <Text color={color(entry.severity === 'P0' ? 'red' : entry.severity === 'P1' ? 'yellow' : 'white')}>{entry.severity}</Text>
            {` ${entry.id.padEnd(26)} `}
            {entry.offer ? <Text color={color('red')}>{`${theme.unicode ? '⚠' : '!'} ${entry.offer.evidence} — `}</Text> : null}
            {entry.title}
          </Text>
        );
      })}
    </Box>
  );
}
