// A tiny external store. Writers replace the snapshot; listeners hear about it at most once per
// batch window, so a flood of updates costs one render, not one per update.
export type Listener = () => void;

export interface Store<T> {
  get(): T;
  set(update: (state: T) => T): void;
  subscribe(listener: Listener): () => void;
  /** Tell listeners now (tests, shutdown). */
  flush(): void;
}

export function createStore<T>(initial: T, batchMs = 50): Store<T> {
  let state = initial;
  let timer: NodeJS.Timeout | undefined;
  const listeners = new Set<Listener>();

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    for (const listener of [...listeners]) listener();
  };

  return {
    get: () => state,
    set(update) {
      const next = update(state);
      if (next === state) return;
      state = next;
      if (batchMs <= 0) flush();
      else timer ??= setTimeout(flush, batchMs);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    flush,
  };
}
