// A group's level against the configured thresholds: the worse of its message lag and its
// time lag (the consumer's own figure when it reports one, else the estimate).
import type { KafkaConfig } from './config-schema';
import type { GroupView, LagLevel } from './lag-model';

export type Thresholds = KafkaConfig['thresholds'];

const RANK: Record<LagLevel, number> = { ok: 0, warn: 1, crit: 2, error: 3 };

function against(value: number | undefined, levels: { warn: number; crit: number } | undefined): LagLevel {
  if (value === undefined || !levels) return 'ok';
  if (value > levels.crit) return 'crit';
  if (value > levels.warn) return 'warn';
  return 'ok';
}

export function worstLevel(levels: Iterable<LagLevel>): LagLevel {
  let worst: LagLevel = 'ok';
  for (const level of levels) if (RANK[level] > RANK[worst]) worst = level;
  return worst;
}

/** The seconds the thresholds judge: the consumer's own report first, then the estimate. */
export function judgedSeconds(group: Pick<GroupView, 'reportedLagSeconds' | 'timeLagMs'>): number | undefined {
  if (group.reportedLagSeconds !== undefined) return group.reportedLagSeconds;
  return group.timeLagMs === undefined ? undefined : group.timeLagMs / 1000;
}

export function levelOf(group: Omit<GroupView, 'level'>, thresholds: Thresholds): LagLevel {
  if (group.error) return 'error';
  return worstLevel([against(group.totalLag, thresholds.lag_messages), against(judgedSeconds(group), thresholds.lag_seconds)]);
}
