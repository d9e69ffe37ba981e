// Runs one attempt of a step at a time, each under the step's timeout, until one passes or the
// retries are used up.
export interface Attempted<T> {
  value: T;
  attempts: number;
}

export async function withAttempts<T>(
  options: { timeoutMs: number; retries: number; retryDelayMs: number; passed(value: T): boolean; onRetry?(attempt: number, value: T): void },
  attempt: (signal: AbortSignal, n: number) => Promise<T>,
  timedOut: (timeoutMs: number, error: unknown) => T,
): Promise<Attempted<T>> {
  let value!: T;
  for (let n = 1; n <= options.retries + 1; n++) {
    const signal = AbortSignal.timeout(options.timeoutMs);
    value = await Promise.race([attempt(signal, n), rejectOnAbort(signal)]).catch((error: unknown) => timedOut(options.timeoutMs, signal.aborted ? signal.reason : error));
    if (options.passed(value) || n > options.retries) return { value, attempts: n };
    options.onRetry?.(n, value);
    await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs));
  }
  return { value, attempts: options.retries + 1 };
}

/** Settles when the signal aborts, so an attempt that ignores its signal still cannot hang the run. */
function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
}

export function failureText(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') return `timed out after ${formatMs(timeoutMs)}`;
  return error instanceof Error ? error.message : String(error);
}

export const formatMs = (ms: number) => (ms < 1000 ? `${ms} ms` : `${+(ms / 1000).toFixed(1)} s`);
