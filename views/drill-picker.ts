// D in `opsdeck demo`: a small picker of the drills. Enter injects the chosen fault; when its
// symptom shows, the wizard of the drill's runbook opens (or, if another overlay is up, the
// footer says which one to open); the footer reports the time from fault to recovery.
import type { Key } from 'ink';
import type { Cockpit } from './context';
import type { Binding } from './key-table';
import type { UiAction, UiState } from './ui-state';
import type { DrillInfo } from '../src/demo/drill-access';
import { openWizard } from './wizard-open';

export interface DrillPickerOverlay {
  kind: 'drills';
  cursor: number;
  entries: DrillInfo[];
  choose(name: string): void;
}

/** Only in the demo (when the cockpit has drills), so only there in the help. */
export function drillBindings(cockpit: Cockpit): Binding[] {
  return cockpit.drills ? [{ command: 'drills', keys: ['D'], scope: 'global', mutates: true, help: 'drill: inject a fault, then follow its runbook wizard' }] : [];
}

type Dispatch = (action: UiAction) => void;

function say(cockpit: Cockpit, kind: 'ok' | 'error' | 'info', text: string): void {
  cockpit.state.set((s) => ({ ...s, notice: { kind, text, at: Date.now() } }));
}

export function openDrills(cockpit: Cockpit, dispatch: Dispatch, current: () => UiState): void {
  const drills = cockpit.drills;
  if (!drills) return;
  const choose = (name: string) => {
    dispatch({ type: 'overlay', overlay: undefined });
    say(cockpit, 'info', `drill ${name}: fault injected, waiting for the symptom…`);
    drills.start(name, {
      symptom: (runbook, params, afterMs) => {
        if (current().overlay) return say(cockpit, 'info', `drill ${name}: symptom after ${(afterMs / 1000).toFixed(1)} s; w opens runbook ${runbook}`);
        say(cockpit, 'info', `drill ${name}: symptom after ${(afterMs / 1000).toFixed(1)} s; follow runbook ${runbook}`);
        openWizard(cockpit, dispatch, runbook, params);
      },
      recovered: (ms) => say(cockpit, 'ok', `drill ${name}: recovered; fault to recovery ${(ms / 1000).toFixed(1)} s`),
      failed: (text) => say(cockpit, 'error', text),
    });
  };
  dispatch({ type: 'overlay', overlay: { kind: 'drills', cursor: 0, entries: drills.list, choose } });
}

export function drillPickerKey(overlay: DrillPickerOverlay, input: string, key: Key, update: (next: DrillPickerOverlay | undefined) => void): void {
  const last = overlay.entries.length - 1;
  const move = (to: number) => update({ ...overlay, cursor: Math.max(0, Math.min(last, to)) });
  if (key.escape || input === 'q') return update(undefined);
  if (key.downArrow || input === 'j') return move(overlay.cursor + 1);
  if (key.upArrow || input === 'k') return move(overlay.cursor - 1);
  const entry = overlay.entries[overlay.cursor];
  if (key.return && entry) overlay.choose(entry.name);
}
