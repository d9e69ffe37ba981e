import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { AppState } from '../src/store/app-state';
import { useCockpit } from './context';

export function useAppState<T>(select: (state: AppState) => T): T {
  const { state } = useCockpit();
  return useSyncExternalStore(state.subscribe, () => select(state.get()));
}

/** Like useAppState, but keeps the last value (and skips the re-render) while `same` says nothing changed. */
export function useAppStateAs<T>(select: (state: AppState) => T, same: (a: T, b: T) => boolean): T {
  const { state } = useCockpit();
  const last = useRef<{ value: T } | undefined>(undefined);
  const snapshot = () => {
    const next = select(state.get());
    if (last.current && same(last.current.value, next)) return last.current.value;
    last.current = { value: next };
    return next;
  };
  return useSyncExternalStore(state.subscribe, snapshot);
}

/** Re-renders once `nextInMs` has passed (counted from this render); never while it is undefined. */
export function useWakeUp(nextInMs: number | undefined): void {
  const [, setWoken] = useState(0);
  const at = nextInMs === undefined ? undefined : Date.now() + nextInMs;
  useEffect(() => {
    if (at === undefined) return;
    // From the time of the render, not of the effect: a pane shown again after a full-screen view
    // (effects stopped meanwhile) is woken at once if its time has passed.
    const timer = setTimeout(() => setWoken((n) => n + 1), Math.max(0, at - Date.now()) + 5);
    return () => clearTimeout(timer);
  });
}

/** How often a flood of log lines may redraw the screen; a lone line still shows at once. */
export const LOG_FRAME_MS = 100;

/**
 * Re-renders when a batch of log lines lands (while `enabled`), at most once per LOG_FRAME_MS;
 * returns the store's version. Under a flood the feed lands a batch every 50 ms: drawing each
 * kept Ink's frame throttle busy all the time, so a key press always queued behind it.
 */
export function useLogVersion(enabled = true): number {
  const { feed } = useCockpit();
  const subscribe = useCallback((listener: () => void) => {
    if (!enabled) return () => undefined;
    let last = 0;
    let timer: NodeJS.Timeout | undefined;
    const fire = () => { timer = undefined; last = Date.now(); listener(); };
    const off = feed.subscribe(() => {
      if (timer) return;
      const wait = last + LOG_FRAME_MS - Date.now();
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    });
    return () => { off(); clearTimeout(timer); };
  }, [feed, enabled]);
  return useSyncExternalStore(subscribe, () => (enabled ? feed.store.version : 0));
}

/** The current time, refreshed every `ms` while `enabled`. */
export function useNow(ms: number, enabled = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!enabled) return;
    // A clock stopped while its pane was hidden under a full-screen view is stale when shown again.
    setNow((last) => (Date.now() - last >= ms ? Date.now() : last));
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms, enabled]);
  return now;
}
