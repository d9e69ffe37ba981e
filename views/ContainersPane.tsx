import React, { memo, useMemo } from 'react';
import { Box, Text } from 'ink';
import type { Instance, InstanceStats } from '../src/runtime/types';
import type { AppState } from '../src/store/app-state';
import { useCockpit } from './context';
import { useAppState, useAppStateAs, useNow, useWakeUp } from './hooks';
import { Pane } from './Pane';
import { cells, headerLine, layoutColumns, sameShownStats, styledRuns } from './container-columns';
import { groupRows, scrollWindow, visibleInstances } from './visible-instances';
import { formatDuration } from '../src/config/duration';
import { msUntilAgeRedraw } from './format';

interface Props {
  width: number;
  height: number;
  focused: boolean;
  selectedId?: string;
  filter: string;
}

export const ContainersPane = memo(function ContainersPane({ width, height, focused, selectedId, filter }: Props) {
  const docker = useAppState((s) => s.docker);
  const instances = useAppState((s) => s.instances);
  const stats = useAppStateAs((s) => s.stats, sameShownStats);
  const busy = useAppState((s) => s.busy);
  const ticking = useNow(1000, docker.status !== 'up');
  const now = docker.status === 'up' ? Date.now() : ticking;
  const visible = visibleInstances(instances, filter);
  // Redraw when an uptime would change (every 2 s while shown in seconds, each minute or hour later).
  useWakeUp(docker.status === 'up' ? nextUptimeChange(visible, now) : undefined);
  const running = instances.filter((i) => i.state === 'running').length;
  const title = `${docker.kind === 'processes' ? 'Services' : 'Containers'}${filter ? ` /${filter}` : ''}`;
  const right = `${running}/${instances.length} running`;
  return (
    <Pane title={title} right={right} focused={focused} width={width} height={height}>
      {docker.status === 'up'
        ? <Table width={width - 2} height={height - 2} visible={visible} selectedId={selectedId} stats={stats} busy={busy} now={now} empty={instances.length === 0 ? 'no containers' : 'no container matches the filter'} />
        : <EngineState docker={docker} now={now} />}
    </Pane>
  );
});

function nextUptimeChange(instances: Instance[], now: number): number | undefined {
  let next: number | undefined;
  for (const i of instances) {
    if (i.state !== 'running' || i.startedAt === undefined) continue;
    const wait = msUntilAgeRedraw(now - i.startedAt, now);
    if (next === undefined || wait < next) next = wait;
  }
  return next;
}

function EngineState({ docker, now }: { docker: AppState['docker']; now: number }) {
  const { theme } = useCockpit();
  if (docker.status === 'connecting') return <Text>Connecting to Docker at {docker.host}…</Text>;
  const wait = docker.retryAt ? formatDuration(Math.max(0, docker.retryAt - now)) : '';
  return (
    <Box flexDirection="column">
      <Text color={theme.color ? 'red' : undefined} bold>Docker unreachable</Text>
      <Text wrap="wrap">{docker.error}</Text>
      <Text>Retrying in {wait}… (opsdeck recovers by itself when the engine is back)</Text>
    </Box>
  );
}

interface TableProps {
  width: number;
  height: number;
  visible: Instance[];
  selectedId?: string;
  stats: ReadonlyMap<string, InstanceStats>;
  busy: ReadonlySet<string>;
  now: number;
  empty: string;
}

function Table({ width, height, visible, selectedId, stats, busy, now, empty }: TableProps) {
  const { theme } = useCockpit();
  const layout = useMemo(() => layoutColumns(width - 2), [width]);
  const rows = groupRows(visible);
  const selectedIndex = Math.max(0, rows.findIndex((r) => r.kind === 'instance' && r.instance.id === selectedId));
  const window = scrollWindow(rows, selectedIndex, Math.max(1, height - 1));
  return (
    <Box flexDirection="column">
      <Text bold color={theme.color ? 'gray' : undefined}>{`  ${headerLine(layout)}`}</Text>
      {rows.length === 0 ? <Text color={theme.color ? 'gray' : undefined}>  {empty}</Text> : null}
      {window.rows.map((row) => row.kind === 'group'
        ? <Text key={`g:${row.project}`} bold>{`${theme.glyph.group} ${row.project} (${row.count})`}</Text>
        : <InstanceRow key={row.instance.id} instance={row.instance} layout={layout} selected={row.instance.id === selectedId}
            stats={stats.get(row.instance.id)} busy={busy.has(row.instance.id)} now={now} />)}
    </Box>
  );
}

interface RowProps {
  instance: Instance;
  layout: ReturnType<typeof layoutColumns>;
  selected: boolean;
  stats?: InstanceStats;
  busy: boolean;
  now: number;
}

const InstanceRow = memo(function InstanceRow({ instance, layout, selected, stats, busy, now }: RowProps) {
  const { theme } = useCockpit();
  const parts = cells(layout, instance, { stats, now, busy }, theme.glyph.ellipsis);
  // One text per run of cells that tick alike (an uptime or stats tick re-draws only its run),
  // each one styled string rather than a Text per cell.
  return (
    <Box>
      {styledRuns(parts, theme.color, selected ? `${theme.glyph.selected} ` : '  ').map((text, r) => (
        <RowRun key={r} text={text} inverse={selected} />
      ))}
    </Box>
  );
});

/** A run left as it was (everything but the ticking one, on an uptime tick) is skipped by React and Ink alike. */
const RowRun = memo(function RowRun({ text, inverse }: { text: string; inverse: boolean }) {
  return <Text inverse={inverse} wrap="truncate-end">{text}</Text>;
});
