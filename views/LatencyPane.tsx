import React, { memo } from 'react';
import { Text } from 'ink';
import { useCockpit } from './context';
import { useNow } from './hooks';
import { useLatencyState } from './health-hooks';
import { Pane } from './Pane';
import { VERDICT_COLOR } from './latency-format';
import { figureCells, fillingText, latencyHeader, latencyLayout, rowProblem, sloText, trendCells, type LatencyCell } from './latency-rows';
import { fit } from './format';
import { sanitize } from '../src/text/sanitize';
import type { PaneProps } from './pane-registry';

/** Per service: req/s, error %, p50/p95/p99 and their trends, coloured against the SLO. */
export const LatencyPane = memo(function LatencyPane({ width, height, focused }: PaneProps) {
  const { latency, theme } = useCockpit();
  const state = useLatencyState(latency);
  const now = useNow(1000);
  const rows = state?.rows ?? [];
  const layout = latencyLayout(width - 4, rows);
  const dim = theme.color ? 'gray' : undefined;
  const color = (cell: LatencyCell) => (theme.color && cell.verdict ? VERDICT_COLOR[cell.verdict] : undefined);
  const source = rows.some((r) => r.source === 'prometheus') ? ' (Prometheus)' : '';
  return (
    <Pane title={`Latency${source}`} right={sloText(rows, theme.unicode ? ' · ' : ', ')} focused={focused} width={width} height={height}>
      <Text bold color={dim} wrap="truncate-end">{latencyHeader(layout)}</Text>
      {rows.length === 0 ? <Text color={dim}>no services with metrics</Text> : null}
      {rows.slice(0, Math.max(0, height - 3)).map((row) => {
        const name = fit(row.service, layout.service, 'left', theme.glyph.ellipsis);
        const problem = rowProblem(row, now);
        if (problem) {
          return (
            <Text key={row.service} wrap="truncate-end">
              {name} <Text color={problem.error && theme.color ? 'red' : dim} bold={problem.error}>{sanitize(problem.text, { keepColor: false })}</Text>
            </Text>
          );
        }
        const filling = fillingText(row);
        const sparkWidth = filling ? Math.max(0, layout.spark - Math.ceil((filling.length + 1) / 2)) : layout.spark;
        return (
          <Text key={row.service} wrap="truncate-end">
            {name}
            {figureCells(row, layout).map((cell, n) => <Text key={n} color={color(cell)}>{` ${cell.text}`}</Text>)}
            {trendCells(row, sparkWidth, theme.unicode).map((cell, n) => <Text key={`t${n}`} color={color(cell)}>{n === 0 ? `  ${cell.text}` : ` ${cell.text}`}</Text>)}
            {filling ? <Text color={dim}>{` ${filling}`}</Text> : null}
            {row.parseErrors > 0 ? <Text color={theme.color ? 'yellow' : undefined}>{` ${row.parseErrors} unreadable lines`}</Text> : null}
          </Text>
        );
      })}
    </Pane>
  );
});
