// Drills from the demo cockpit (D): back to a clean baseline, inject the fault, wait for the
// symptom, then hand over the drill's runbook and parameters (the same ones drill-runner.ts runs
// headless) so the operator follows its wizard; the time from fault to recovery is reported once
// the drill's own recovery check passes.
import { DRILLS, findDrill, type DrillContext } from './drills';
import { resetStack } from './drill-runner';
import { until } from './until';

export interface DrillInfo { name: string; title: string; runbook: string }

export interface DrillEvents {
  /** The fault shows: open the wizard of `runbook` with `params`. */
  symptom(runbook: string, params: Record<string, string>, afterMs: number): void;
  recovered(faultToRecoveryMs: number): void;
  failed(text: string): void;
}

export interface DrillAccess {
  list: DrillInfo[];
  /** Starts a drill; one at a time, a new one ends the watch of the last. */
  start(name: string, events: DrillEvents): void;
  /** Stops watching (before the stack stops). */
  dispose(): void;
}

/** How long the recovery is watched for after the symptom showed. */
const RECOVERY_WATCH_MS = 15 * 60_000;

export function drillAccess(ctx: DrillContext): DrillAccess {
  let current: AbortController | undefined;
  const run = async (name: string, events: DrillEvents, signal: AbortSignal) => {
    const drill = findDrill(name);
    if (!drill) return events.failed(`no drill ${name}`);
    await resetStack(ctx);
    if (signal.aborted) return;
    const faultAt = Date.now();
    await drill.inject(ctx);
    const showsWithinMs = drill.showsWithinMs ?? 20_000;
    if (!(await until(() => drill.broken(ctx), showsWithinMs, 250, signal))) {
      if (!signal.aborted) events.failed(`drill ${name}: the fault did not show within ${Math.round(showsWithinMs / 1000)} s`);
      return;
    }
    events.symptom(drill.runbook, drill.params(ctx.stack), Date.now() - faultAt);
    if (await until(() => drill.recovered(ctx), RECOVERY_WATCH_MS, 1000, signal)) events.recovered(Date.now() - faultAt);
  };
  return {
    list: DRILLS.map(({ name, title, runbook }) => ({ name, title, runbook })),
    start(name, events) {
      current?.abort();
      const controller = new AbortController();
      current = controller;
      run(name, events, controller.signal).catch((error: Error) => { if (!controller.signal.aborted) events.failed(`drill ${name}: ${error.message}`); });
    },
    dispose() { current?.abort(); },
  };
}
