// Consumer-group lag (key 5): one row per group; enter shows its partitions in the
// kafka-consumer-groups columns, esc goes back; B clears the selected group's backlog.
import React, { memo, useRef, useState, useSyncExternalStore } from 'react';
import { Box, Text, useInput, type Key } from 'ink';
import type { LagSource } from '../src/kafka/source/lag-source';
import type { GroupView, LagState } from '../src/kafka/source/lag-model';
import { isRebalancing, shortState } from '../src/kafka/source/lag-model';
import { formatDuration } from '../src/config/duration';
import { useCockpit } from './context';
import { useNow } from './hooks';
import { usePaneHost } from './pane-host';
import { Pane } from './Pane';
import type { ExtraPane, PaneProps } from './pane-registry';
import { GroupTable, PartitionTable, PlanTable } from './lag-tables';
import { clearBacklog, type PlanState } from './lag-backlog';
import { formatLagCount } from './lag-columns';
import { typedKeys } from './typed-keys';

type Mode = { kind: 'list' } | { kind: 'group'; groupId: string } | { kind: 'plan'; state: PlanState };

function useLag(source: LagSource): LagState {
  return useSyncExternalStore(source.store.subscribe, source.store.get);
}

export const LagPane = memo(function LagPane({ width, height, focused, active }: PaneProps) {
  const cockpit = useCockpit();
  const host = usePaneHost();
  const lag = useLag(cockpit.lag!);
  const now = useNow(1000);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [selectedId, setSelectedId] = useState<string>();
  const [scroll, setScroll] = useState(0);
  const groups = [...lag.groups].sort((a, b) => a.groupId.localeCompare(b.groupId));
  const indexOf = (id: string | undefined) => Math.max(0, groups.findIndex((g) => g.groupId === id));
  const selectedIndex = indexOf(selectedId);
  const selected = groups[selectedIndex] as GroupView | undefined;
  const page = Math.max(1, height - 5);

  // The keys of one chunk ("j\r") each see what the one before did, before React renders again.
  const latest = useRef({ mode, selectedId });
  latest.current = { mode, selectedId };
  const select = (id: string) => { latest.current = { ...latest.current, selectedId: id }; setSelectedId(id); };
  const show = (next: Mode) => { latest.current = { ...latest.current, mode: next }; setMode(next); setScroll(0); };

  const onKey = (input: string, key: Key) => {
    const { mode } = latest.current;
    const index = indexOf(latest.current.selectedId);
    const selected = groups[index] as GroupView | undefined;
    const move = (delta: number) => {
      if (mode.kind !== 'list') return setScroll((s) => Math.max(0, s + delta));
      const next = groups[Math.min(groups.length - 1, Math.max(0, index + delta))];
      if (next) select(next.groupId);
    };
    if (key.upArrow || input === 'k') move(-1);
    else if (key.downArrow || input === 'j') move(1);
    else if (key.pageUp || (key.ctrl && input === 'u')) move(-page);
    else if (key.pageDown || (key.ctrl && input === 'd')) move(page);
    else if (key.escape) show({ kind: 'list' });
    else if (key.return && mode.kind === 'list' && selected) show({ kind: 'group', groupId: selected.groupId });
    else if (input === 'B' && !cockpit.readOnly && selected && lag.status === 'up') {
      const group = mode.kind === 'group' ? groups.find((g) => g.groupId === mode.groupId) ?? selected : selected;
      void clearBacklog(cockpit, group, host.confirm, (state) => show({ kind: 'plan', state }), () => setMode({ kind: 'list' }));
    }
  };
  useInput((input, key) => {
    for (const [one, oneKey] of typedKeys(input, key)) onKey(one, oneKey);
  }, { isActive: active });

  const inner = width - 2;
  const body = height - 2;
  const polled = lag.polledAt ? `polled ${formatDuration(Math.max(0, Math.floor((now - lag.polledAt) / 1000) * 1000))} ago` : '';
  const right = lag.status === 'down' ? 'unreachable' : `${groups.length} group${groups.length === 1 ? '' : 's'} ${polled}`;
  let content: React.ReactNode;
  if (lag.status !== 'up') content = <ClusterState lag={lag} now={now} />;
  else if (mode.kind === 'plan') content = <PlanView state={mode.state} width={inner} height={body} scroll={scroll} />;
  else if (mode.kind === 'group') {
    const group = groups.find((g) => g.groupId === mode.groupId);
    content = group ? <GroupDetail group={group} width={inner} height={body} scroll={scroll} /> : <Text>group {mode.groupId} is gone (esc: back)</Text>;
  } else {
    const errors = groups.filter((g) => g.error || isRebalancing(g.state));
    const problems = errors.slice(0, Math.min(3, Math.max(0, body - 1 - groups.length)));
    content = (
      <Box flexDirection="column">
        <GroupTable groups={groups} selected={selectedIndex} width={inner} height={body - problems.length} showReported={cockpit.lag!.config.consumer_metrics.length > 0} />
        {problems.map((g) => <Problem key={g.groupId} group={g} />)}
      </Box>
    );
  }
  return <Pane title="Lag" right={right} focused={focused} width={width} height={height}>{content}</Pane>;
});

function Problem({ group }: { group: GroupView }) {
  const { theme } = useCockpit();
  const text = group.error ?? `${group.state}: partitions are being reassigned`;
  return <Text color={theme.color ? (group.error ? 'red' : 'yellow') : undefined} wrap="truncate-end">{`${theme.glyph.fail} ${group.groupId}: ${text}`}</Text>;
}

function ClusterState({ lag, now }: { lag: LagState; now: number }) {
  const { theme } = useCockpit();
  if (lag.status === 'connecting') return <Text>Connecting to Kafka at {lag.brokers}…</Text>;
  return (
    <Box flexDirection="column">
      <Text bold color={theme.color ? 'red' : undefined}>Kafka unreachable at {lag.brokers}</Text>
      <Text wrap="wrap">{lag.error}</Text>
      <Text>Retrying in {formatDuration(Math.max(0, (lag.retryAt ?? now) - now))}… (recovers by itself when the broker is back)</Text>
    </Box>
  );
}

function GroupDetail({ group, width, height, scroll }: { group: GroupView; width: number; height: number; scroll: number }) {
  const { theme } = useCockpit();
  const summary = `${group.groupId} ${theme.glyph.sep} ${shortState(group.state)} ${theme.glyph.sep} ${group.members.length} member(s) ${theme.glyph.sep} lag ${formatLagCount(group.totalLag)} ${theme.glyph.sep} ${group.status}`;
  const problem = group.error ?? (isRebalancing(group.state) ? 'rebalancing: partitions are being reassigned' : undefined);
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">{summary}</Text>
      {problem ? <Text color={theme.color ? 'red' : undefined} wrap="truncate-end">{problem}</Text> : null}
      <PartitionTable group={group} width={width} height={height - (problem ? 2 : 1)} scroll={scroll} />
    </Box>
  );
}

function PlanView({ state, width, height, scroll }: { state: PlanState; width: number; height: number; scroll: number }) {
  const { theme } = useCockpit();
  const title = state.plan
    ? `Reset ${state.groupId} to latest: ${formatLagCount(state.plan.totalSkipped)} messages skipped (esc: back)`
    : `Planning the reset of ${state.groupId}…`;
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">{title}</Text>
      {state.error ? <Text color={theme.color ? 'red' : undefined} wrap="truncate-end">{state.error}</Text> : null}
      {state.plan ? <PlanTable plan={state.plan} width={width} height={height - (state.error ? 2 : 1)} scroll={scroll} /> : null}
    </Box>
  );
}

export const lagPane: ExtraPane = {
  id: 'lag',
  title: 'Lag',
  key: '5',
  bindings: [
    { command: 'pane-key', keys: ['up', 'k'], scope: 'lag', help: 'select group' },
    { command: 'pane-key', keys: ['enter'], scope: 'lag', help: 'partitions' },
    { command: 'pane-key', keys: ['esc'], scope: 'lag', help: 'back' },
    { command: 'pane-key', keys: ['B'], scope: 'lag', help: 'clear backlog (reset to latest)', mutates: true },
  ],
  enabled: (cockpit) => cockpit.lag !== undefined,
  // App reads this only when it re-renders for its own reasons, so it rests on the config, not
  // on the latest poll: the named groups, or room for a list or a drill-down (App caps it at half).
  // Room for the groups (a drill-down scrolls within it); at least a few rows for errors.
  rowsWanted: (cockpit) => Math.max(6, Math.max(cockpit.lag?.store.get().groups.length ?? 0, cockpit.lag?.config.groups?.length ?? 0) + 4),
  render: (props) => <LagPane {...props} />,
};
