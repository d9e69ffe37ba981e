// A demo removes what it made (its containers, its temp dir) however it ends: on SIGTERM, or
// SIGHUP when the SSH session drops or the tmux server is killed, as on quit. Left to Node, the
// signal ends the process and the cleanup in a `finally` never runs. Ink's own exit hook still
// restores the terminal on the way out (process.exit).

/** Runs `cleanup` on SIGTERM or SIGHUP, then exits as the signal would have (143, 129); returns the undo. */
export function cleanupOnSignal(cleanup: () => Promise<void> | void): () => void {
  let cleaning = false;
  // Kept listening (not `once`) while it cleans up: Ink's signal-exit re-raises the signal, which
  // kills the process at once, when it finds itself the signal's only listener.
  const onSignal = (signal: NodeJS.Signals) => {
    if (cleaning) return;
    cleaning = true;
    void Promise.resolve().then(cleanup).finally(() => process.exit(signal === 'SIGHUP' ? 129 : 143));
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  return () => {
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
  };
}
