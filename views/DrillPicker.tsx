import React from 'react';
import { Box, Text } from 'ink';
import { useCockpit } from './context';
import type { DrillPickerOverlay } from './drill-picker';

/** The demo's drills: each fault, and the runbook whose wizard resolves it. */
export function DrillPicker({ overlay, width }: { overlay: DrillPickerOverlay; width: number }) {
  const { theme } = useCockpit();
  const color = (c: string) => (theme.color ? c : undefined);
  const chosen = overlay.entries[overlay.cursor];
  const nameWidth = Math.max(...overlay.entries.map((e) => e.name.length)) + 2;
  return (
    <Box flexDirection="column" width={width} borderStyle={theme.border} borderColor={color('yellow')} paddingX={1}>
      <Text bold wrap="truncate-end">Drills — enter injects a fault, then opens its wizard · j/k · esc close</Text>
      {overlay.entries.map((entry, n) => {
        const selected = n === overlay.cursor;
        return (
          <Text key={entry.name} wrap="truncate-end" inverse={selected && theme.color} bold={selected}>
            {`${selected ? theme.glyph.selected : ' '} ${entry.name.padEnd(nameWidth)}${entry.title}`}
          </Text>
        );
      })}
      {chosen ? <Text wrap="truncate-end" dimColor>{'resolved by runbook '}<Text color={color('cyan')}>{chosen.runbook}</Text></Text> : null}
    </Box>
  );
}
