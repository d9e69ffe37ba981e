// How far the log view trails the services: under a flood the engine keeps what opsdeck has not
// read yet (as it does for `docker logs -f`), and the lines arriving now were written minutes ago.
// k9s users' complaint is that this happens silently; the logs pane says it instead.

/** Lines arriving this much later than their timestamps mean a backlog (clock skew stays below it). */
export const BEHIND_MS = 10_000;
/** ...for this long without a break, so the history of a follower's first tail does not count. */
export const BEHIND_FOR_MS = 3_000;
/** A reading older than this is not shown: no lines, no claim. */
export const BEHIND_STALE_MS = 2_000;

export class BehindMeter {
  private since: number | undefined;
  private lag = 0;
  private at = -Infinity;

  /** A batch landed at `now` (ms) whose newest line is stamped `newestTs` (µs). */
  note(newestTs: number, now: number): void {
    const lag = now - newestTs / 1000;
    if (lag < BEHIND_MS) this.since = undefined;
    else this.since ??= now;
    this.lag = lag;
    this.at = now;
  }

  /** How far behind the newest lines are (ms), while that is a backlog being read; else undefined. */
  behindMs(now: number): number | undefined {
    if (this.since === undefined || now - this.at > BEHIND_STALE_MS || this.at - this.since < BEHIND_FOR_MS) return undefined;
    return this.lag;
  }

  /** When a reading still shown goes stale if no batch lands meanwhile (ms from now). */
  changesInMs(now: number): number | undefined {
    const staleIn = this.at + BEHIND_STALE_MS - now;
    return this.since === undefined || staleIn < 0 ? undefined : staleIn + 1;
  }
}
