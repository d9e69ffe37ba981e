// Hooks over the health and latency sources' own stores, and the health pane's selection,
// kept outside the component so switching panes on a narrow terminal doesn't lose it.
import { useSyncExternalStore } from 'react';
import type { HealthSource, HealthState } from '../src/health/health-source';
import type { LatencySource, LatencyState } from '../src/health/latency-source';
import { createStore, type Store } from '../src/store/store';

const none = () => () => undefined;

export function useHealthState(source: HealthSource | undefined): HealthState | undefined {
  return useSyncExternalStore(source ? source.store.subscribe : none, () => source?.store.get());
}

export function useLatencyState(source: LatencySource | undefined): LatencyState | undefined {
  return useSyncExternalStore(source ? source.store.subscribe : none, () => source?.store.get());
}

export interface HealthView {
  selectedId?: string;
  /** The selected check's full last result is open. */
  open: boolean;
}

const views = new WeakMap<HealthSource, Store<HealthView>>();

export function healthViewStore(source: HealthSource): Store<HealthView> {
  let store = views.get(source);
  if (!store) views.set(source, (store = createStore<HealthView>({ open: false }, 0)));
  return store;
}

export function useHealthView(source: HealthSource): [HealthView, Store<HealthView>] {
  const store = healthViewStore(source);
  return [useSyncExternalStore(store.subscribe, store.get), store];
}
