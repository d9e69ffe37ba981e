/**
 * Checks every `everyMs` until `check` passes (true) or `timeoutMs` runs out or `signal` aborts
 * (false); a check that throws counts as not yet. The wait does not keep the process alive.
 */
export async function until(check: () => Promise<boolean>, timeoutMs: number, everyMs: number, signal?: AbortSignal): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !signal?.aborted) {
    if (await check().catch(() => false)) return !signal?.aborted;
    await new Promise((r) => setTimeout(r, everyMs).unref());
  }
  return false;
}
