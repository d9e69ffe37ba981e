/** The caller's signal combined with this probe's own timeout. */
export interface Deadline {
  signal: AbortSignal;
  timedOut(): boolean;
}

export function deadline(parent: AbortSignal, timeoutMs: number): Deadline {
  const own = AbortSignal.timeout(timeoutMs);
  return { signal: AbortSignal.any([parent, own]), timedOut: () => own.aborted && !parent.aborted };
}

/** Rejects when `signal` aborts, so a call that ignores signals can still be abandoned. */
export function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    const fail = () => reject(signal.reason ?? new Error('aborted'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}
