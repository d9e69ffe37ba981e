import React, { memo } from 'react';
import { Box, Text } from 'ink';
import { useCockpit } from './context';
import { useAppState, useNow } from './hooks';
import type { Binding, Scope } from './key-table';
import { WizardSignal } from './WizardSignal';

const NOTICE_MS = 8000;

/** Key hints for the focused pane, or the outcome of the last action while it is fresh. */
/** `panes`: the top panes a digit switches to, listed while only one fits on the screen. */
export const Footer = memo(function Footer({ width, bindings, focus, panes = [] }: { width: number; bindings: Binding[]; focus: Scope; panes?: { key: string; title: string }[] }) {
  const { theme } = useCockpit();
  const notice = useAppState((s) => s.notice);
  const now = useNow(1000, notice !== undefined && Date.now() - notice.at < NOTICE_MS);
  if (notice && now - notice.at < NOTICE_MS) {
    const color = theme.color ? (notice.kind === 'error' ? 'red' : notice.kind === 'ok' ? 'green' : undefined) : undefined;
    return <Box width={width} height={1}><Text color={color} wrap="truncate-end">{notice.kind === 'error' ? theme.glyph.fail : theme.glyph.ok}{' '}{notice.text}</Text></Box>;
  }
  const hints = bindings.filter((b) => b.scope === focus || ['help', 'next-pane', 'filter', 'quit'].includes(b.command));
  return (
    <Box width={width} height={1}>
      <Text wrap="truncate-end">
        <WizardSignal />
        {panes.map((p) => (
          <Text key={`pane-${p.key}`}>
            <Text color={theme.color ? 'cyan' : undefined}>{`<${p.key}>`}</Text>
            {` ${p.title.toLowerCase()}  `}
          </Text>
        ))}
        {hints.map((b, n) => (
          <Text key={n}>
            <Text color={theme.color ? 'cyan' : undefined}>{`<${b.keys[0]}>`}</Text>
            {` ${b.command === 'pane-key' ? b.help : b.command.replace(/-/g, ' ')}  `}
          </Text>
        ))}
      </Text>
    </Box>
  );
});
