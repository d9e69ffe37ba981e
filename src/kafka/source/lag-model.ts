// What the lag source publishes: one view per group, ready to draw or print.
import type { PartitionLag, GroupMember } from '../lag/poller';
import type { PartitionStatus } from '../lag/status';

/** How a group stands against the configured thresholds. */
export type LagLevel = 'ok' | 'warn' | 'crit' | 'error';

export interface PartitionView extends PartitionLag {
  status: PartitionStatus;
  reason: string;
  /** Estimated time lag in ms; undefined when unknown (no commit, too few log-end points). */
  timeLagMs: number | undefined;
  timeLagAtLeast: boolean;
}

export interface GroupView {
  groupId: string;
  state: string;
  members: GroupMember[];
  partitions: PartitionView[];
  totalLag: number;
  maxLag: number;
  /** Worst partition time lag; undefined when no partition's is known. */
  timeLagMs: number | undefined;
  timeLagAtLeast: boolean;
  /** Lag in seconds as the consumer reports it (consumer_metrics), when configured. */
  reportedLagSeconds?: number;
  reportedError?: string;
  status: PartitionStatus;
  level: LagLevel;
  /** Recent total lags, oldest first. */
  trend: number[];
  error: string | undefined;
}

export interface LagState {
  status: 'connecting' | 'up' | 'down';
  brokers: string;
  /** Why the cluster cannot be read (status down). */
  error?: string;
  /** When the next attempt is due after a failure. */
  retryAt?: number;
  polledAt?: number;
  /** How long the last poll took. */
  pollMs?: number;
  groups: GroupView[];
}

export const isRebalancing = (state: string) => state === 'PreparingRebalance' || state === 'CompletingRebalance';

/** Short state names for narrow columns. */
export function shortState(state: string): string {
  if (state === 'PreparingRebalance') return 'Rebalancing';
  if (state === 'CompletingRebalance') return 'Rebalancing';
  return state;
}
