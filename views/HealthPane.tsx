import React, { memo } from 'react';
import { Box, Text, useInput } from 'ink';
import type { HealthSource } from '../src/health/health-source';
import { useCockpit } from './context';
import { useNow } from './hooks';
import { useHealthState, useHealthView } from './health-hooks';
import { Pane } from './Pane';
import { STATE_COLOR, headerText, healthLayout, rowCells, summary } from './health-rows';
import { healthDetailLines } from './health-detail';
import { sanitize } from '../src/text/sanitize';
import type { PaneProps } from './pane-registry';
import { handlePaneKey } from './health-keys';
import { typedKeys } from './typed-keys';

/** Checks with their state, latency, time in state, failures in a row and the last error in words. */
export const HealthPane = memo(function HealthPane({ width, height, focused, active }: PaneProps) {
  const { health } = useCockpit();
  if (!health) return <Pane title="Health" focused={focused} width={width} height={height}><Text>no checks configured</Text></Pane>;
  return <HealthTable source={health} width={width} height={height} focused={focused} active={active} />;
});

function HealthTable({ source, width, height, focused, active }: PaneProps & { source: HealthSource }) {
  const { theme } = useCockpit();
  const state = useHealthState(source)!;
  const [view, viewStore] = useHealthView(source);
  const now = useNow(1000);
  const { checks, book, pending } = state;
  const index = Math.max(0, checks.findIndex((c) => c.id === view.selectedId));
  const selected = checks[index];

  useInput((input, key) => {
    for (const [one, oneKey] of typedKeys(input, key)) handlePaneKey(one, oneKey, { checks, view: viewStore, runNow: (id) => source.runNow(id) });
  }, { isActive: active });

  const rows = Math.max(1, height - 3);
  const right = summary(checks, (id) => book.get(id), theme.unicode ? ' · ' : ', ');
  const dim = theme.color ? 'gray' : undefined;
  if (view.open && selected) {
    const lines = healthDetailLines(selected, book.get(selected.id), now);
    return (
      <Pane title={`Health ${theme.glyph.sep} ${selected.id}`} right={`enter/esc back${theme.unicode ? ' · ' : ', '}c check now`} focused={focused} width={width} height={height}>
        {lines.slice(0, height - 2).map((line, n) => <Text key={n} wrap="truncate-end">{line}</Text>)}
      </Pane>
    );
  }
  const layout = healthLayout(width - 4, checks);
  const top = Math.max(0, Math.min(index - Math.floor(rows / 2), checks.length - rows));
  return (
    <Pane title="Health" right={right} focused={focused} width={width} height={height}>
      <Text bold color={dim} wrap="truncate-end">{`  ${headerText(layout)}`}</Text>
      {checks.length === 0 ? <Text color={dim}>  no checks</Text> : null}
      {checks.slice(top, top + rows).map((check) => {
        const cells = rowCells(layout, check, book.get(check.id), pending.has(check.id), now, theme.glyph.ellipsis);
        const isSelected = focused && check.id === selected?.id;
        return (
          <Text key={check.id} inverse={isSelected} wrap="truncate-end">
            {isSelected ? `${theme.glyph.selected} ` : '  '}
            <Text color={theme.color ? STATE_COLOR[cells.state] : undefined} bold={cells.state === 'down'}>{cells.text[0]}</Text>
            {` ${cells.text.slice(1, -1).join(' ')} `}
            <Text color={cells.state === 'ok' ? dim : undefined}>{sanitize(cells.text[cells.text.length - 1], { keepColor: false })}</Text>
          </Text>
        );
      })}
    </Pane>
  );
}
