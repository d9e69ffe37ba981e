// The engine's OffsetResetter over the Kafka reset module: plan (the dry run: what would be
// skipped or replayed), then execute, which refuses while the group has running members.
import type { OffsetResetter, ResetPreview } from '../engine/types';
import { executeReset, planReset, type ResetPlan, type ResetTarget } from '../../kafka/lag/reset';
import type { WithAdmin } from './admin-access';

const n = (value: number) => value.toLocaleString('en-US');

export function describePlan(plan: ResetPlan, done: boolean): string {
  const to = plan.target.to === 'timestamp' ? new Date(plan.target.timestamp).toISOString() : plan.target.to;
  const moves = plan.partitions.map((p) => `${p.partition}: ${p.before ?? '-'}→${p.after}`).join(', ');
  const verb = done ? 'reset' : 'would reset';
  return `${verb} group ${plan.groupId} on ${plan.topic} to ${to} (${moves || 'no partitions'}): ${n(plan.totalSkipped)} skipped, ${n(plan.totalReplayed)} replayed; group was ${plan.groupState}`;
}

export function kafkaOffsetResetter(withAdmin: WithAdmin): OffsetResetter {
  return {
    reset: (request, dryRun) => withAdmin(async (admin): Promise<ResetPreview> => {
      const target: ResetTarget = request.to === 'timestamp' ? { to: 'timestamp', timestamp: request.timestamp ?? Date.now() } : { to: request.to };
      const plan = await planReset(admin, { groupId: request.group, topic: request.topic, target });
      if (!dryRun) await executeReset(admin, plan);
      return { skipped: plan.totalSkipped, replayed: plan.totalReplayed, describe: describePlan(plan, !dryRun) };
    }),
  };
}
