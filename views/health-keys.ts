// The health pane's own keys: j/k (arrows, g/G) select, enter opens or closes the selected
// check's last result, esc closes it, c runs the selected check now.
import type { Key } from 'ink';
import type { HealthCheck } from '../src/health/check-list';
import type { Store } from '../src/store/store';
import type { HealthView } from './health-hooks';

export interface HealthKeyContext {
  checks: HealthCheck[];
  view: Store<HealthView>;
  runNow(id: string): void;
}

export function handlePaneKey(input: string, key: Key, ctx: HealthKeyContext): void {
  const { checks, view } = ctx;
  const current = view.get();
  const index = Math.max(0, checks.findIndex((c) => c.id === current.selectedId));
  const selected = checks[index];
  const move = (to: number) => {
    const next = checks[Math.max(0, Math.min(checks.length - 1, to))];
    if (next) view.set((v) => ({ ...v, selectedId: next.id }));
  };
  if (key.escape) return view.set((v) => ({ ...v, open: false }));
  if (key.return) return view.set((v) => ({ ...v, selectedId: selected?.id, open: !v.open }));
  if (input === 'c' && selected) return ctx.runNow(selected.id);
  if (current.open) return;
  if (input === 'j' || key.downArrow) return move(index + 1);
  if (input === 'k' || key.upArrow) return move(index - 1);
  if (input === 'g' || key.home) return move(0);
  if (input === 'G' || key.end) return move(checks.length - 1);
}
