// Runs a container action the way every action runs: marked busy, journaled before and after,
// and its outcome (with Docker's own error) left as a notice on screen.
import type { AuditJournal } from '../src/audit/journal';
import type { Store } from '../src/store/store';
import type { AppState } from '../src/store/app-state';
import type { Instance, Restartable } from '../src/runtime/types';
import { dockerErrorText } from '../src/docker/docker-error';
import type { ContainerAction } from './container-actions';

export async function runContainerAction(
  action: ContainerAction, instance: Instance, runtime: Restartable, journal: AuditJournal, state: Store<AppState>,
): Promise<boolean> {
  const setBusy = (busy: boolean) => state.set((s) => {
    const next = new Set(s.busy);
    if (busy) next.add(instance.id);
    else next.delete(instance.id);
    return { ...s, busy: next };
  });
  setBusy(true);
  const started = performance.now();
  try {
    await journal.record(action.id, { kind: 'container', id: instance.id, name: instance.name, service: instance.service, project: instance.project }, undefined,
      () => action.run(runtime, instance));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    state.set((s) => ({ ...s, notice: { kind: 'ok', text: `${instance.name} ${action.verb} in ${seconds}s`, at: Date.now() } }));
    return true;
  } catch (error) {
    state.set((s) => ({ ...s, notice: { kind: 'error', text: `${action.id} ${instance.name} failed: ${dockerErrorText(error)}`, at: Date.now() } }));
    return false;
  } finally {
    setBusy(false);
  }
}
