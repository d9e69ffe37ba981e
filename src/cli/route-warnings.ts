// While the cockpit owns the screen, Node's process warnings would be printed over it. They
// go to the notice line instead, and the printer comes back when the cockpit ends.
import type { Store } from '../store/store';
import type { AppState } from '../store/app-state';

// kafkajs's request queue schedules a -1 ms timer when it is not throttled; Node clamps it to
// 1 ms, which is what kafkajs means, and warns on every poll under Node ≥ 23.
const HARMLESS = new Set(['TimeoutNegativeWarning']);

export function routeWarnings(state: Store<AppState>): () => void {
  const printers = process.listeners('warning');
  process.removeAllListeners('warning');
  const toNotice = (warning: Error) => {
    if (HARMLESS.has(warning.name)) return;
    state.set((s) => ({ ...s, notice: { kind: 'error', text: `Node warning: ${warning.name}: ${warning.message}`, at: Date.now() } }));
  };
  process.on('warning', toNotice);
  return () => {
    process.off('warning', toNotice);
    for (const printer of printers) process.on('warning', printer);
  };
}
