import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { AppState } from '../src/store/app-state';
import { useCockpit } from './context';

export function useAppState<T>(select: (state: AppState) => T): T {
  const { state } = useCockpit();
  return useSyncExternalStore(state.subscribe, () => select(state.get()));
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
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms, enabled]);
  return now;
}
