// The lag pane's tables: groups, one group's partitions, and a reset plan.
import React from 'react';
import { Box, Text } from 'ink';
import type { GroupView, LagLevel } from '../src/kafka/source/lag-model';
import { shortState } from '../src/kafka/source/lag-model';
import type { PartitionStatus } from '../src/kafka/lag/status';
import type { BacklogPlan } from '../actions/clear-backlog';
import { planRows } from '../actions/clear-backlog';
import { useCockpit } from './context';
import { lagSparkline } from './lag-spark';
import {
  GROUP_COLUMNS, PARTITION_COLUMNS, PLAN_COLUMNS, cell, formatLagCount, formatOffset, formatTimeLag, headerText, layout, type Column,
} from './lag-columns';

const STATUS_COLOR: Record<PartitionStatus, string> = { OK: 'green', WARN: 'yellow', REWIND: 'magenta', STALL: 'red', STOP: 'red' };
const LEVEL_COLOR: Record<LagLevel, string | undefined> = { ok: undefined, warn: 'yellow', crit: 'red', error: 'red' };
const stateColor = (state: string) => (state === 'Stable' ? 'green' : state === 'Empty' ? 'gray' : state.endsWith('Rebalance') ? 'yellow' : 'red');

/** First row to show so that `selected` stays visible in `height` rows. */
export function scrollStart(selected: number, count: number, height: number): number {
  if (count <= height) return 0;
  return Math.min(Math.max(0, selected - Math.floor(height / 2)), count - height);
}

interface Part { text: string; color?: string }

function Row({ parts, selected }: { parts: Part[]; selected?: boolean }) {
  const { theme } = useCockpit();
  return (
    <Text inverse={selected} wrap="truncate-end">
      {selected === undefined ? '' : selected ? `${theme.glyph.selected} ` : '  '}
      {parts.map((p, n) => <Text key={n} color={theme.color ? p.color : undefined}>{n ? ` ${p.text}` : p.text}</Text>)}
    </Text>
  );
}

function Header({ columns, marker }: { columns: Column[]; marker: boolean }) {
  const { theme } = useCockpit();
  return <Text bold color={theme.color ? 'gray' : undefined} wrap="truncate-end">{`${marker ? '  ' : ''}${headerText(columns)}`}</Text>;
}

export function GroupTable({ groups, selected, width, height, showReported }: { groups: GroupView[]; selected: number; width: number; height: number; showReported: boolean }) {
  const { theme } = useCockpit();
  const columns = layout(GROUP_COLUMNS.filter((c) => showReported || c.key !== 'reported'), width - 2);
  const start = scrollStart(selected, groups.length, Math.max(1, height - 1));
  const shown = groups.slice(start, start + Math.max(1, height - 1));
  const value = (g: GroupView, key: (typeof columns)[number]['key']): Part => {
    switch (key) {
      case 'group': return { text: g.groupId };
      case 'state': return { text: shortState(g.state), color: stateColor(g.state) };
      case 'members': return { text: String(g.members.length) };
      case 'lag': return { text: g.partitions.length > 0 && g.partitions.every((p) => p.lag === undefined) ? '-' : formatLagCount(g.totalLag), color: LEVEL_COLOR[g.level === 'error' ? 'ok' : g.level] };
      case 'max': return { text: formatLagCount(g.maxLag) };
      case 'time': return { text: formatTimeLag(g.timeLagMs, g.timeLagAtLeast, theme.unicode), color: LEVEL_COLOR[g.level === 'error' ? 'ok' : g.level] };
      case 'reported': return { text: g.reportedLagSeconds === undefined ? (g.reportedError ? '?' : '-') : `${Math.round(g.reportedLagSeconds)}s` };
      case 'status': return g.error ? { text: 'ERR', color: 'red' } : { text: g.status, color: STATUS_COLOR[g.status] };
      case 'trend': return { text: lagSparkline(g.trend, columns.find((c) => c.key === 'trend')!.width, theme.unicode), color: 'cyan' };
    }
  };
  return (
    <Box flexDirection="column">
      <Header columns={columns} marker />
      {groups.length === 0 ? <Text color={theme.color ? 'gray' : undefined}>  no consumer groups</Text> : null}
      {shown.map((g, i) => (
        <Row key={g.groupId} selected={start + i === selected}
          parts={columns.map((c) => { const p = value(g, c.key); return { ...p, text: cell(c, p.text, theme.glyph.ellipsis) }; })} />
      ))}
    </Box>
  );
}

export function PartitionTable({ group, width, height, scroll }: { group: GroupView; width: number; height: number; scroll: number }) {
  const { theme } = useCockpit();
  const columns = layout(PARTITION_COLUMNS, width);
  const rows = Math.max(1, height - 1);
  const start = Math.min(scroll, Math.max(0, group.partitions.length - rows));
  const value: Record<(typeof columns)[number]['key'], (p: GroupView['partitions'][number]) => string> = {
    topic: (p) => p.topic, partition: (p) => String(p.partition), current: (p) => formatOffset(p.currentOffset),
    end: (p) => formatOffset(p.logEndOffset), lag: (p) => formatOffset(p.lag), consumer: (p) => p.consumerId ?? '-',
    host: (p) => p.host ?? '-', client: (p) => p.clientId ?? '-',
  };
  return (
    <Box flexDirection="column">
      <Header columns={columns} marker={false} />
      {group.partitions.length === 0 ? <Text color={theme.color ? 'gray' : undefined}>no partitions</Text> : null}
      {group.partitions.slice(start, start + rows).map((p) => (
        <Row key={`${p.topic}/${p.partition}`}
          parts={columns.map((c) => ({ text: cell(c, value[c.key](p), theme.glyph.ellipsis), color: c.key === 'lag' && (p.lag ?? 0) > 0 ? STATUS_COLOR[p.status] : undefined }))} />
      ))}
    </Box>
  );
}

export function PlanTable({ plan, width, height, scroll }: { plan: BacklogPlan; width: number; height: number; scroll: number }) {
  const { theme } = useCockpit();
  const columns = layout(PLAN_COLUMNS, width);
  const all = planRows(plan);
  const rows = Math.max(1, height - 1);
  const start = Math.min(scroll, Math.max(0, all.length - rows));
  const index = Object.fromEntries(PLAN_COLUMNS.map((c, i) => [c.key, i]));
  return (
    <Box flexDirection="column">
      <Header columns={columns} marker={false} />
      {all.slice(start, start + rows).map((r, n) => <Row key={n} parts={columns.map((c) => ({ text: cell(c, r[index[c.key]], theme.glyph.ellipsis) }))} />)}
    </Box>
  );
}
