// The demo's drill key (D): listed only when the cockpit has drills, the picker's keys, and what
// choosing a drill does (inject, then the wizard when the symptom shows, the recovery time after).
import { describe, it, expect, vi } from 'vitest';
import type { Key } from 'ink';
import { drillBindings, drillPickerKey, openDrills, type DrillPickerOverlay } from '../views/drill-picker';
import { initialUi, reduce, type UiAction, type UiState } from '../views/ui-state';
import type { Cockpit } from '../views/context';
import type { DrillAccess, DrillEvents } from '../src/demo/drill-access';
import { createStore } from '../src/store/store';
import { initialState, type AppState } from '../src/store/app-state';

const key = (k: Partial<Key> = {}) => k as Key;
const list = [{ name: 'model-missing', title: 'model gone', runbook: 'model-not-loaded' }, { name: 'log-flood', title: 'flood', runbook: 'service-restart' }];

function setup() {
  let events: DrillEvents | undefined;
  const drills: DrillAccess = { list, start: vi.fn((_name, e) => { events = e; }), dispose: vi.fn() };
  const state = createStore<AppState>(initialState('local processes'));
  const cockpit = { state, drills } as unknown as Cockpit;
  let ui: UiState = initialUi();
  const dispatch = (action: UiAction) => { ui = reduce(ui, action); };
  return { cockpit, drills, dispatch, ui: () => ui, events: () => events!, notice: () => state.get().notice?.text };
}

describe('the demo drill key', () => {
  it('is bound (and so in the help) only when the cockpit has drills', () => {
    expect(drillBindings({} as Cockpit)).toEqual([]);
    expect(drillBindings(setup().cockpit)).toMatchObject([{ command: 'drills', keys: ['D'], scope: 'global', mutates: true }]);
  });

  it('picker: j/k move within the list, esc closes, enter chooses', () => {
    const choose = vi.fn();
    let overlay: DrillPickerOverlay | undefined = { kind: 'drills', cursor: 0, entries: list, choose };
    const press = (input: string, k?: Partial<Key>) => drillPickerKey(overlay!, input, key(k), (next) => { overlay = next; });
    press('j'); press('j');
    expect(overlay!.cursor).toBe(1);
    press('k');
    expect(overlay!.cursor).toBe(0);
    press('', { return: true });
    expect(choose).toHaveBeenCalledWith('model-missing');
    press('', { escape: true });
    expect(overlay).toBeUndefined();
  });

  it('choosing injects the drill; the symptom and the recovery are reported', () => {
    const t = setup();
    openDrills(t.cockpit, t.dispatch, t.ui);
    const overlay = t.ui().overlay as DrillPickerOverlay;
    expect(overlay.entries.map((e) => e.name)).toEqual(['model-missing', 'log-flood']);
    overlay.choose('model-missing');
    expect(t.drills.start).toHaveBeenCalledWith('model-missing', expect.anything());
    expect(t.ui().overlay).toBeUndefined();
    expect(t.notice()).toContain('fault injected');
    t.dispatch({ type: 'overlay', overlay: { kind: 'help', scroll: 0 } });
    t.events().symptom('model-not-loaded', { api_url: 'http://127.0.0.1:1' }, 800);
    expect(t.notice()).toBe('drill model-missing: symptom after 0.8 s; w opens runbook model-not-loaded');
    expect(t.ui().overlay?.kind).toBe('help');
    t.events().recovered(12_345);
    expect(t.notice()).toBe('drill model-missing: recovered; fault to recovery 12.3 s');
  });
});
