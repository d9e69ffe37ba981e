import type { CheckResult, CheckState } from './types';

/** How many recent results flapping is judged over, and the state changes among them that start it. */
export const FLAP_WINDOW = 10;
export const FLAP_START = 4;
/** Flapping ends once the changes in the window fall to this, so the flag itself doesn't blink. */
export const FLAP_END = 2;

export interface CheckStatus {
  state: CheckState;
  /** Epoch ms of the result that moved the check into `state`. */
  since: number;
  consecutiveFailures: number;
  lastError?: string;
  lastErrorAt?: number;
  lastLatencyMs?: number;
  lastResult?: CheckResult;
  /** States of the last FLAP_WINDOW results, oldest first. */
  recent: CheckState[];
  flapping: boolean;
}

export function initialStatus(now: number): CheckStatus {
  return { state: 'unknown', since: now, consecutiveFailures: 0, recent: [], flapping: false };
}

/** The status after one more result. Pure: the previous status is not changed. */
export function applyResult(prev: CheckStatus, result: CheckResult): CheckStatus {
  const recent = [...prev.recent, result.state].slice(-FLAP_WINDOW);
  const changes = stateChanges(recent);
  const flapping = prev.flapping ? changes > FLAP_END : changes >= FLAP_START;
  const changed = result.state !== prev.state;
  return {
    state: result.state,
    since: changed ? result.at : prev.since,
    consecutiveFailures: result.state === 'down' ? prev.consecutiveFailures + 1 : 0,
    lastError: result.error ?? prev.lastError,
    lastErrorAt: result.error !== undefined ? result.at : prev.lastErrorAt,
    lastLatencyMs: result.latencyMs ?? prev.lastLatencyMs,
    lastResult: result,
    recent,
    flapping,
  };
}

export function stateChanges(states: CheckState[]): number {
  let changes = 0;
  for (let i = 1; i < states.length; i++) if (states[i] !== states[i - 1]) changes++;
  return changes;
}

/** What a pane should show: a flapping check reads "flapping" instead of alternating colours. */
export function displayState(status: CheckStatus): CheckState | 'flapping' {
  return status.flapping ? 'flapping' : status.state;
}

/** Keeps one status per check id. */
export class CheckStatusBook {
  private readonly statuses = new Map<string, CheckStatus>();

  record(id: string, result: CheckResult): CheckStatus {
    const next = applyResult(this.statuses.get(id) ?? initialStatus(result.at), result);
    this.statuses.set(id, next);
    return next;
  }

  get(id: string): CheckStatus | undefined {
    return this.statuses.get(id);
  }

  all(): ReadonlyMap<string, CheckStatus> {
    return this.statuses;
  }
}
