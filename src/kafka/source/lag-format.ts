// Plain-text and JSON shapes of the lag views for `opsdeck lag`.
import type { GroupView } from './lag-model';
import { formatTimeLag } from '../../../views/lag-columns';

export function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((row) => `${row.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd()}\n`).join('');
}

const offset = (value: number | undefined) => (value === undefined ? '-' : String(value));

/** kafka-consumer-groups --describe: one row per partition, "-" where nothing is committed. */
export function partitionTable(groups: GroupView[]): string {
  const rows = groups.flatMap((g) => g.partitions.map((p) => [g.groupId, p.topic, String(p.partition), offset(p.currentOffset),
    offset(p.logEndOffset), offset(p.lag), p.consumerId ?? '-', p.host ?? '-', p.clientId ?? '-']));
  return table([['GROUP', 'TOPIC', 'PARTITION', 'CURRENT-OFFSET', 'LOG-END-OFFSET', 'LAG', 'CONSUMER-ID', 'HOST', 'CLIENT-ID'], ...rows]);
}

export function groupTable(groups: GroupView[]): string {
  const rows = groups.map((g) => [g.groupId, g.state, String(g.members.length), String(g.totalLag), String(g.maxLag),
    formatTimeLag(g.timeLagMs, g.timeLagAtLeast, false), g.reportedLagSeconds === undefined ? '-' : `${Math.round(g.reportedLagSeconds)}s`,
    g.error ? 'ERR' : g.status, g.level.toUpperCase()]);
  return table([['GROUP', 'STATE', 'MEMBERS', 'LAG', 'MAX', 'TIME-LAG', 'APP-LAG', 'STATUS', 'LEVEL'], ...rows]);
}

export function groupJson(g: GroupView) {
  return {
    group: g.groupId, state: g.state, members: g.members.map((m) => ({ id: m.memberId, clientId: m.clientId, host: m.host })),
    totalLag: g.totalLag, maxLag: g.maxLag,
    timeLagSeconds: g.timeLagMs === undefined ? null : g.timeLagMs / 1000, timeLagAtLeast: g.timeLagAtLeast,
    reportedLagSeconds: g.reportedLagSeconds ?? null, reportedError: g.reportedError ?? null,
    status: g.status, level: g.level, error: g.error ?? null,
    partitions: g.partitions.map((p) => ({
      topic: p.topic, partition: p.partition, currentOffset: p.currentOffset ?? null, logEndOffset: p.logEndOffset ?? null,
      lag: p.lag ?? null, consumerId: p.consumerId ?? null, host: p.host ?? null, clientId: p.clientId ?? null,
      timeLagSeconds: p.timeLagMs === undefined ? null : p.timeLagMs / 1000, status: p.status,
    })),
  };
}
