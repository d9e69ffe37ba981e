// Clear a consumer group's backlog: plan the reset per topic (offsets before and after, the
// messages skipped), refuse while the group has members, commit real offsets, and journal
// the plan before and the outcome after. Used by the lag pane's `B` and `opsdeck lag reset`.
import type { Admin } from 'kafkajs';
import type { AuditJournal } from '../src/audit/journal';
import { planReset, executeReset, ResetRefusedError, type ResetPlan, type ResetTarget } from '../src/kafka/lag/reset';

export interface BacklogPlan {
  groupId: string;
  target: ResetTarget;
  groupState: string;
  members: number;
  topics: ResetPlan[];
  totalSkipped: number;
  totalReplayed: number;
}

const INACTIVE = new Set(['Empty', 'Dead']);

export async function planBacklogClear(admin: Admin, groupId: string, topics: string[], target: ResetTarget): Promise<BacklogPlan> {
  if (topics.length === 0) throw new Error(`group "${groupId}" reads no known topic: nothing to reset`);
  const [plans, { groups }] = await Promise.all([
    Promise.all([...topics].sort().map((topic) => planReset(admin, { groupId, topic, target }))),
    admin.describeGroups([groupId]),
  ]);
  return {
    groupId, target, groupState: groups[0]?.state ?? 'Unknown', members: groups[0]?.members.length ?? 0, topics: plans,
    totalSkipped: plans.reduce((sum, p) => sum + p.totalSkipped, 0),
    totalReplayed: plans.reduce((sum, p) => sum + p.totalReplayed, 0),
  };
}

/** Why the plan cannot run now, or undefined when it can. */
export function refusal(plan: Pick<BacklogPlan, 'groupId' | 'groupState' | 'members'>): string | undefined {
  if (INACTIVE.has(plan.groupState)) return undefined;
  return `cannot reset group ${plan.groupId}: it is ${plan.groupState} with ${plan.members} active member(s); stop its consumers first`;
}

export const describeTarget = (target: ResetTarget) =>
  target.to === 'timestamp' ? new Date(target.timestamp).toISOString() : target.to;

const n = (value: number) => value.toLocaleString('en-US');

/** One line per partition, kafka-consumer-groups --reset-offsets style. */
export function planRows(plan: BacklogPlan): string[][] {
  return plan.topics.flatMap((t) => t.partitions.map((p) => [t.topic, String(p.partition), p.before === undefined ? '-' : String(p.before), String(p.after), n(p.skipped), n(p.replayed)]));
}

/** A short text for a confirm dialog: the first partitions, then the totals. */
export function planSummary(plan: BacklogPlan, maxPartitions = 3): string {
  const all = plan.topics.flatMap((t) => t.partitions.map((p) => `${t.topic}/${p.partition} ${p.before ?? '-'}→${p.after} (${n(p.skipped)})`));
  const shown = all.slice(0, maxPartitions).join(', ') + (all.length > maxPartitions ? `, +${all.length - maxPartitions} more` : '');
  const replay = plan.totalReplayed ? `, replays ${n(plan.totalReplayed)}` : '';
  return `Reset group ${plan.groupId} to ${describeTarget(plan.target)}: ${shown}. Skips ${n(plan.totalSkipped)} messages${replay}.`;
}

/** Outcome wording for notices and the CLI. */
export function outcomeText(plan: BacklogPlan): string {
  const replay = plan.totalReplayed ? ` and replays ${n(plan.totalReplayed)}` : '';
  return `group ${plan.groupId} skipped ${n(plan.totalSkipped)} messages${replay}`;
}

export async function executeBacklogClear(admin: Admin, journal: AuditJournal, plan: BacklogPlan): Promise<void> {
  const why = refusal(plan);
  if (why) throw new ResetRefusedError(why);
  const params = {
    to: describeTarget(plan.target), totalSkipped: plan.totalSkipped, totalReplayed: plan.totalReplayed,
    partitions: plan.topics.flatMap((t) => t.partitions.map((p) => ({ topic: t.topic, partition: p.partition, before: p.before ?? null, after: p.after, skipped: p.skipped }))),
  };
  await journal.record('kafka-reset-offsets', { kind: 'kafka-group', id: plan.groupId }, params, async () => {
    for (const topic of plan.topics) await executeReset(admin, topic);
  });
}
