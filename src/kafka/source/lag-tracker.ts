// Turns successive polls into group views: a Burrow commit window and a log-end table per
// partition, a trend of total lag per group. Pure: the caller supplies polls and the time.
import type { GroupLag, LagPoll } from '../lag/poller';
import { evaluatePartition, groupStatus, recordCommit, type CommitSample } from '../lag/status';
import { LogEndTable, timeLag } from '../lag/time-lag';
import { prune, slot, type ByPartition } from '../lag/by-partition';
import type { GroupView, PartitionView } from './lag-model';
import { levelOf, type Thresholds } from './thresholds';

export interface TrackerOptions {
  window: number;
  thresholds: Thresholds;
  trendLength?: number;
}

interface PartitionHistory {
  window: CommitSample[];
  /** The poll that last reported this partition; older ones are forgotten. */
  seenIn: number;
}

const newLogEnd = () => ({ table: new LogEndTable(), seenIn: 0 });

export class LagTracker {
  private readonly partitions = new Map<string, ByPartition<PartitionHistory>>();
  /** Log ends belong to topic partitions, shared by every group reading them. */
  private readonly ends: ByPartition<{ table: LogEndTable; seenIn: number }> = new Map();
  private readonly trends = new Map<string, number[]>();
  private polls = 0;

  constructor(private readonly options: TrackerOptions) {}

  /** Folds one poll in; `reported` holds consumer-reported lag seconds by group. */
  update(poll: LagPoll, reported: ReadonlyMap<string, { seconds?: number; error?: string }> = new Map()): GroupView[] {
    const pollNumber = ++this.polls;
    for (const group of poll.groups) for (const p of group.partitions) {
      if (p.logEndOffset === undefined) continue;
      const end = slot(this.ends, p.topic, p.partition, newLogEnd);
      if (end.seenIn === pollNumber) continue;
      end.seenIn = pollNumber;
      end.table.record(p.logEndOffset, poll.polledAt);
    }
    const views = poll.groups.map((group) => this.group(group, poll.polledAt, pollNumber, reported.get(group.groupId)));
    // Forget partitions and groups that are gone, so memory follows the cluster.
    const groups = new Set(poll.groups.map((g) => g.groupId));
    for (const id of this.partitions.keys()) if (!groups.has(id)) this.partitions.delete(id);
    for (const histories of this.partitions.values()) prune(histories, (history) => history.seenIn === pollNumber);
    prune(this.ends, (end) => end.seenIn === pollNumber);
    for (const id of this.trends.keys()) if (!groups.has(id)) this.trends.delete(id);
    return views;
  }

  private group(group: GroupLag, now: number, pollNumber: number, reported?: { seconds?: number; error?: string }): GroupView {
    const active = group.members.length > 0;
    const allowedLag = 0;
    let histories = this.partitions.get(group.groupId);
    if (!histories) this.partitions.set(group.groupId, histories = new Map());
    const newHistory = (): PartitionHistory => ({ window: [], seenIn: pollNumber });
    const partitions = group.partitions.map((p): PartitionView => {
      const history = slot(histories, p.topic, p.partition, newHistory);
      history.seenIn = pollNumber;
      const last = history.window[history.window.length - 1];
      // Commit timestamps are not in OffsetFetch: a moved offset counts as a commit seen now,
      // and while the group has live members each poll counts as one (their commit cadence),
      // so a live consumer stuck on an offset shows STALL and an absent one STOP.
      if (p.currentOffset !== undefined && p.logEndOffset !== undefined && (!last || last.offset !== p.currentOffset || active)) {
        history.window = recordCommit(history.window, { offset: p.currentOffset, logEndOffset: p.logEndOffset, timestamp: now }, this.options.window);
      }
      let evaluation = p.logEndOffset === undefined
        ? { status: 'OK' as const, reason: 'log end unknown' }
        : evaluatePartition(history.window, p.logEndOffset, now, { allowedLag });
      if (evaluation.status === 'OK' && !active && (p.lag ?? 0) > allowedLag && history.window.length < 2) {
        evaluation = { status: 'STOP', reason: `no active member while lag is ${p.lag}` } as typeof evaluation & { status: 'STOP' };
      }
      const time = timeLag(this.ends.get(p.topic)?.get(p.partition)?.table.points ?? [], p.currentOffset, now);
      // Field by field, not spread: 100,000 of these a poll, and a spread-then-extended object is larger.
      return {
        topic: p.topic, partition: p.partition, currentOffset: p.currentOffset, logEndOffset: p.logEndOffset, lag: p.lag,
        consumerId: p.consumerId, host: p.host, clientId: p.clientId,
        status: evaluation.status, reason: evaluation.reason, timeLagMs: time.ms, timeLagAtLeast: time.known && time.atLeast,
      };
    });

    const trend = [...(this.trends.get(group.groupId) ?? []), group.totalLag].slice(-(this.options.trendLength ?? 30));
    this.trends.set(group.groupId, trend);
    const known = partitions.filter((p) => p.timeLagMs !== undefined);
    const worst = known.reduce<PartitionView | undefined>((w, p) => (!w || p.timeLagMs! > w.timeLagMs! ? p : w), undefined);
    const view: Omit<GroupView, 'level'> = {
      groupId: group.groupId, state: group.state, members: group.members, partitions,
      totalLag: group.totalLag,
      maxLag: partitions.reduce((max, p) => Math.max(max, p.lag ?? 0), 0),
      timeLagMs: worst?.timeLagMs, timeLagAtLeast: worst?.timeLagAtLeast ?? false,
      reportedLagSeconds: reported?.seconds, reportedError: reported?.error,
      status: groupStatus(partitions.map((p) => p.status)),
      trend, error: group.error,
    };
    return { ...view, level: levelOf(view, this.options.thresholds) };
  }
}
