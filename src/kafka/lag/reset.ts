// Plan, then execute, a consumer-group offset reset: to the latest offset (skip the
// backlog), the earliest, or the first offset at or after a timestamp. Like
// kafka-consumer-groups, the plan is a dry run and execution needs an inactive group.
import type { Admin } from 'kafkajs';

export type ResetTarget = { to: 'latest' } | { to: 'earliest' } | { to: 'timestamp'; timestamp: number };

export interface ResetPartitionPlan {
  partition: number;
  /** Committed offset now; undefined when nothing is committed. */
  before: number | undefined;
  after: number;
  /** Messages the group will no longer read: after − before (from the earliest offset without a commit). */
  skipped: number;
  /** Messages the group will read again when the reset moves backwards. */
  replayed: number;
}

export interface ResetPlan {
  groupId: string;
  topic: string;
  target: ResetTarget;
  groupState: string;
  partitions: ResetPartitionPlan[];
  totalSkipped: number;
  totalReplayed: number;
}

const INACTIVE_STATES = new Set(['Empty', 'Dead']);

export class ResetRefusedError extends Error {
  override name = 'ResetRefusedError';
}

async function targetOffsets(admin: Admin, topic: string, target: ResetTarget): Promise<Map<number, { after: number; low: number }>> {
  const offsets = await admin.fetchTopicOffsets(topic);
  const byTimestamp = target.to === 'timestamp'
    ? new Map((await admin.fetchTopicOffsetsByTimestamp(topic, target.timestamp)).map((p) => [p.partition, Number(p.offset)]))
    : undefined;
  return new Map(offsets.map((p) => {
    const high = Number(p.high);
    const low = Number(p.low);
    const after = target.to === 'latest' ? high : target.to === 'earliest' ? low : (byTimestamp?.get(p.partition) ?? high);
    // Never a sentinel: kafkajs maps "no message after the timestamp" to high, and -1/-2 are clamped here too.
    return [p.partition, { after: after >= 0 ? after : high, low }];
  }));
}

export async function planReset(admin: Admin, request: { groupId: string; topic: string; target: ResetTarget }): Promise<ResetPlan> {
  const { groupId, topic, target } = request;
  const [{ groups }, committed, targets] = await Promise.all([
    admin.describeGroups([groupId]),
    admin.fetchOffsets({ groupId, topics: [topic] }),
    targetOffsets(admin, topic, target),
  ]);
  const current = new Map((committed[0]?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
  const partitions = [...targets].sort(([a], [b]) => a - b).map(([partition, { after, low }]): ResetPartitionPlan => {
    const committedOffset = current.get(partition);
    const before = committedOffset !== undefined && committedOffset >= 0 ? committedOffset : undefined;
    const from = before ?? low;
    return { partition, before, after, skipped: Math.max(0, after - from), replayed: Math.max(0, from - after) };
  });
  return {
    groupId, topic, target,
    groupState: groups[0]?.state ?? 'Unknown',
    partitions,
    totalSkipped: partitions.reduce((sum, p) => sum + p.skipped, 0),
    totalReplayed: partitions.reduce((sum, p) => sum + p.replayed, 0),
  };
}

/**
 * Commits the plan's `after` offsets as reviewed. Refuses while the group has members,
 * since a running consumer would overwrite the reset with its next commit.
 */
export async function executeReset(admin: Admin, plan: ResetPlan): Promise<void> {
  const { groups } = await admin.describeGroups([plan.groupId]);
  const state = groups[0]?.state ?? 'Unknown';
  if (!INACTIVE_STATES.has(state)) {
    const members = groups[0]?.members.length ?? 0;
    throw new ResetRefusedError(
      `cannot reset offsets of group "${plan.groupId}": it is ${state} with ${members} active member(s); stop its consumers first`,
    );
  }
  await admin.setOffsets({
    groupId: plan.groupId,
    topic: plan.topic,
    partitions: plan.partitions.map((p) => ({ partition: p.partition, offset: String(p.after) })),
  });
}
