import React, { memo } from 'react';
import { Box, Text } from 'ink';
import { useCockpit } from './context';
import { useLogVersion, useWakeUp } from './hooks';
import { Pane } from './Pane';
import { windowEndingAt } from '../src/logs/log-query';
import type { LogLine } from '../src/logs/line';
import type { LogView } from './ui-state';
import { formatAge, formatCount } from './format';
import { prefixWidth, rowsOf, styledRow } from './log-rows';

interface Props {
  width: number;
  height: number;
  focused: boolean;
  view: LogView;
}

export const LogsPane = memo(function LogsPane({ width, height, focused, view }: Props) {
  const { feed, theme } = useCockpit();
  useLogVersion();
  const store = feed.store;
  const inner = width - 2;
  const paused = !view.follow;
  const rows = Math.max(1, height - 2 - (paused ? 1 : 0));
  const prefix = prefixWidth(store.services());
  const rowsFor = (line: LogLine) => rowsOf(line, inner, prefix, view.timestamps);
  const lines = windowEndingAt(store, view.query, rows, view.follow ? undefined : view.anchor, view.wrap ? rowsFor : undefined);
  // Wrapped, the oldest line may not fit whole: it shows its last rows, as a terminal that
  // scrolled past its start would, and every line below it stays whole.
  const heights = view.wrap ? lines.map(rowsFor) : [];
  const hidden = Math.max(0, heights.reduce((sum, h) => sum + h, 0) - rows);
  const dropped = store.dropped();
  const now = Date.now();
  const behind = feed.behind.behindMs(now);
  useWakeUp(feed.behind.changesInMs(now));
  const state = dropped ? `dropped ${formatCount(dropped)} (buffer ${formatCount(store.capacityPerService)}/service)` : view.follow ? 'following' : 'paused';
  return (
    <Pane title={logsTitle(view)} right={behind === undefined ? state : `behind ${formatAge(now - behind, now)} · ${state}`}
      focused={focused} width={width} height={height}>
      {paused ? <Text color={theme.color ? 'yellow' : undefined} bold wrap="truncate-end">{statusText(view, store.received)}</Text> : null}
      {lines.length === 0 ? <Text color={theme.color ? 'gray' : undefined}>{store.received ? 'no line matches' : 'waiting for log lines…'}</Text> : null}
      {/* Keyed by screen row, not by line: under a flood every row shows a new line each frame, and
          a row keeps its nodes and has only its text replaced instead of Ink and Yoga nodes made and
          freed for each line. */}
      {lines.map((line, slot) => (
        <LogRow key={slot} line={line} prefix={prefix} timestamps={view.timestamps}
          wrapRows={heights[slot]} clipTop={slot === 0 ? hidden : 0} />
      ))}
    </Pane>
  );
});

function logsTitle(view: LogView): string {
  const parts = ['Logs'];
  if (view.include) parts.push([...view.include].join(','));
  else if (view.exclude.size) parts.push(`all but ${[...view.exclude].join(',')}`);
  if (view.pattern) parts.push(`/${view.pattern}/`);
  if (view.minLevel) parts.push(view.minLevel === 'error' ? 'ERROR' : 'WARN+');
  return parts.join(' · ');
}

function statusText(view: LogView, received: number): string {
  if (view.follow) return 'following';
  const arrived = received - (view.pausedAt ?? received);
  return `PAUSED · ${formatCount(arrived)} new line${arrived === 1 ? '' : 's'} since · f/G to follow`;
}

interface RowProps {
  line: LogLine;
  prefix: number;
  timestamps: boolean;
  /** Wrapping on: the rows the line takes. */
  wrapRows?: number;
  /** Of those, the rows hidden above the pane. */
  clipTop: number;
}

const LogRow = memo(function LogRow({ line, prefix, timestamps, wrapRows, clipTop }: RowProps) {
  const { theme } = useCockpit();
  const text = styledRow(line, prefix, timestamps, theme);
  if (wrapRows === undefined) return <Text wrap="truncate-end">{text}</Text>;
  // Cut at the column, as a terminal wraps, so rowsOf counts exactly the rows Ink draws.
  return (
    <Box height={wrapRows - clipTop} flexShrink={0} overflow="hidden" flexDirection="column">
      <Box marginTop={-clipTop} flexShrink={0}><Text wrap="hard">{text}</Text></Box>
    </Box>
  );
});
