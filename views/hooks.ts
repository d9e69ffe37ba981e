import { useEffect, useState, useSyncExternalStore } from 'react';
import type { AppState } from '../src/store/app-state';
import { useCockpit } from './context';

export function useAppState<T>(select: (state: AppState) => T): T {
  const { state } = useCockpit();
  return useSyncExternalStore(state.subscribe, () => select(state.get()));
}

const ignore = () => () => undefined;

/** Re-renders when a batch of log lines lands (while `enabled`); returns the store's version. */
export function useLogVersion(enabled = true): number {
  const { feed } = useCockpit();
  return useSyncExternalStore(enabled ? (listener) => feed.subscribe(listener) : ignore, () => (enabled ? feed.store.version : 0));
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
