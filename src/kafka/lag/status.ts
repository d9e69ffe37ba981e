// Burrow-style consumer status per partition, judged over a sliding window of commits.

export type PartitionStatus = 'OK' | 'WARN' | 'STALL' | 'STOP' | 'REWIND';

/** One observed commit: the committed offset and the log-end offset at that moment. */
export interface CommitSample {
  offset: number;
  logEndOffset: number;
  /** When the commit happened (or was first observed), ms since epoch. */
  timestamp: number;
}

export interface StatusOptions {
  /** Lag at or below this is never a problem (default 0). */
  allowedLag?: number;
}

export interface PartitionEvaluation {
  status: PartitionStatus;
  /** Current lag (log end now − last committed offset), undefined without a commit. */
  lag: number | undefined;
  /** Why the status is what it is, for a tooltip. */
  reason: string;
}

export const DEFAULT_WINDOW_SIZE = 10;

const SEVERITY: Record<PartitionStatus, number> = { OK: 0, WARN: 1, REWIND: 2, STALL: 3, STOP: 4 };

const lagOf = (sample: CommitSample) => Math.max(0, sample.logEndOffset - sample.offset);

/**
 * Adds a commit to a window, keeping the newest `windowSize`, and returns the window: a new
 * array while it fills (sized exactly: a tracker keeps one per partition), then the same one
 * shifted in place. The same commit seen again (same offset and timestamp, e.g. from a repeated
 * poll) is not added twice. A lag poll records up to 100,000 commits: copies of full windows
 * were most of its garbage.
 */
export function recordCommit(window: CommitSample[], sample: CommitSample, windowSize = DEFAULT_WINDOW_SIZE): CommitSample[] {
  const last = window[window.length - 1];
  if (last && last.offset === sample.offset && last.timestamp === sample.timestamp) return window;
  if (window.length < windowSize) return [...window, sample];
  window.copyWithin(0, window.length - windowSize + 1);
  window.length = windowSize;
  window[windowSize - 1] = sample;
  return window;
}

/**
 * Judges one partition from its commit window (oldest first), the partition's log-end
 * offset now, and the time now. Rules apply only while the current lag exceeds the
 * allowed lag, so a caught-up consumer on a quiet topic is always OK.
 */
export function evaluatePartition(window: readonly CommitSample[], logEndOffsetNow: number, now: number, options: StatusOptions = {}): PartitionEvaluation {
  const allowedLag = options.allowedLag ?? 0;
  const last = window[window.length - 1];
  if (!last) return { status: 'OK', lag: undefined, reason: 'no commits yet' };
  const lag = Math.max(0, logEndOffsetNow - last.offset);
  if (lag <= allowedLag) return { status: 'OK', lag, reason: 'caught up' };
  if (window.length < 2) return { status: 'OK', lag, reason: 'one commit: not enough history to judge' };

  const first = window[0];
  for (let i = 1; i < window.length; i++) {
    if (window[i].offset < window[i - 1].offset) {
      return { status: 'REWIND', lag, reason: `offset went back from ${window[i - 1].offset} to ${window[i].offset}` };
    }
  }
  const span = last.timestamp - first.timestamp;
  const silence = now - last.timestamp;
  if (silence > span) {
    return { status: 'STOP', lag, reason: `no commit for ${silence} ms, longer than the window's ${span} ms, with lag ${lag}` };
  }
  // One pass, no callbacks: a poll judges up to 100,000 windows.
  let lagging = true;
  let stuck = true;
  let neverDecreased = true;
  for (let i = 0; i < window.length; i++) {
    const sample = window[i];
    lagging &&= lagOf(sample) > allowedLag;
    stuck &&= sample.offset === first.offset;
    neverDecreased &&= i === 0 || lagOf(sample) >= lagOf(window[i - 1]);
  }
  if (lagging && stuck) {
    return { status: 'STALL', lag, reason: `committed offset stuck at ${first.offset} across ${window.length} commits` };
  }
  if (lagging && neverDecreased) {
    return { status: 'WARN', lag, reason: `lag never decreased across ${window.length} commits (${lagOf(first)} → ${lagOf(last)})` };
  }
  return { status: 'OK', lag, reason: 'consuming' };
}

/** The worst of a group's partition statuses; OK for a group without partitions. */
export function groupStatus(statuses: Iterable<PartitionStatus>): PartitionStatus {
  let worst: PartitionStatus = 'OK';
  for (const status of statuses) if (SEVERITY[status] > SEVERITY[worst]) worst = status;
  return worst;
}
