// Opening a wizard: from the picker (w), from the footer's suggestion (W), or from a config key.
import type { Cockpit } from './context';
import type { UiAction } from './ui-state';
import { WizardSession } from './wizard-session';
import { pickerEntries } from './runbook-picker';
import { currentOffers } from './runbook-signals';

type Dispatch = (action: UiAction) => void;

const notice = (cockpit: Cockpit, text: string) => cockpit.state.set((s) => ({ ...s, notice: { kind: 'error', text, at: Date.now() } }));

export function openWizard(cockpit: Cockpit, dispatch: Dispatch, id: string, params: Record<string, string> = {}): void {
  const access = cockpit.runbooks;
  const found = access?.library.runbooks.get(id);
  if (!access || !found) return notice(cockpit, `runbook ${id} is not available`);
  const session = new WizardSession(found.runbook, params, access, cockpit.journal.path, cockpit.readOnly, found.file);
  dispatch({ type: 'overlay', overlay: { kind: 'wizard', session } });
}

export function openPicker(cockpit: Cockpit, dispatch: Dispatch): void {
  const access = cockpit.runbooks;
  if (!access) return notice(cockpit, 'no runbooks loaded');
  const entries = pickerEntries(access.library, currentOffers(cockpit));
  dispatch({ type: 'overlay', overlay: { kind: 'runbooks', cursor: 0, entries, open: (id) => openWizard(cockpit, dispatch, id) } });
}

/** W: the most specific suggestion's wizard; the picker when nothing is suggested. */
export function openSuggested(cockpit: Cockpit, dispatch: Dispatch): void {
  const [offer] = currentOffers(cockpit);
  if (offer) openWizard(cockpit, dispatch, offer.runbook);
  else openPicker(cockpit, dispatch);
}

/** A config key (keys: in opsdeck.yaml): its runbook's wizard with the bound parameters. */
export function openKeyed(cockpit: Cockpit, dispatch: Dispatch, key: string): void {
  const binding = cockpit.runbooks?.keys[key];
  if (binding) openWizard(cockpit, dispatch, binding.runbook, binding.params);
}
