// The one keyboard dispatcher: an open overlay gets the key first, then the key table decides
// the command for the focused pane.
import { useEffect, useRef } from 'react';
import { useApp, useInput, type Key } from 'ink';
import type { Instance } from '../src/runtime/types';
import { restartAction, stopOrStart } from '../actions/container-actions';
import { runContainerAction } from '../actions/run-action';
import { useCockpit } from './context';
import { useAppState } from './hooks';
import { commandFor, keyName, type Binding, type Command } from './key-table';
import { handleOverlayKey } from './overlay-keys';
import { oldestPage, scrollLogs } from './log-navigation';
import type { UiAction, UiState } from './ui-state';
import { openKeyed, openPicker, openSuggested } from './wizard-open';
import { openDrills } from './drill-picker';
import { typedKeys } from './typed-keys';

export interface KeyContext {
  /** The latest state, also between the keys of one chunk of input. */
  current: () => UiState;
  dispatch: (action: UiAction) => void;
  bindings: Binding[];
  visible: Instance[];
  selected?: Instance;
  logRows: number;
  services: string[];
  /** Focus order for tab; digits focus extra panes by their key. */
  paneOrder: string[];
  paneKeys: Record<string, string>;
}

/** Keys kept while the extra sources load: more would be someone typing into a stalled screen. */
const MAX_EARLY_KEYS = 8;

/** While an extra pane has focus it takes its own keys; only these still act globally. */
const ALWAYS_GLOBAL = new Set<Command>(['help', 'quit', 'next-pane', 'focus-containers', 'focus-logs', 'zoom', 'runbooks', 'signal-wizard', 'runbook-key', 'drills']);

export function useKeys(ctx: KeyContext): void {
  const cockpit = useCockpit();
  const { exit, suspendTerminal } = useApp();
  const promptBefore = useRef('');
  const early = useRef<[string, Key][]>([]);
  const extrasAt = useAppState((s) => s.extrasAt);
  const { dispatch } = ctx;

  const openShell = async (instance: Instance) => {
    if (!cockpit.openShell) return;
    const target = { kind: 'container', id: instance.id, name: instance.name, service: instance.service, project: instance.project };
    await suspendTerminal(async () => {
      await cockpit.journal.record('shell', target, undefined, () => cockpit.openShell!(instance.id)).then(
        (code) => cockpit.state.set((s) => ({ ...s, notice: { kind: code === 0 ? 'ok' : 'error', text: `shell in ${instance.name} exited with ${code}`, at: Date.now() } })),
        (error: Error) => cockpit.state.set((s) => ({ ...s, notice: { kind: 'error', text: `shell in ${instance.name}: ${error.message}`, at: Date.now() } })),
      );
    });
  };

  const logPosition = (follow: boolean, anchor = ctx.current().logs.anchor) =>
    dispatch({ type: 'log-position', follow, anchor, received: cockpit.feed.store.received });

  const moveSelection = (delta: number | 'top' | 'bottom') => {
    if (ctx.visible.length === 0) return;
    const selectedId = ctx.current().selectedId;
    const at = Math.max(0, ctx.visible.findIndex((i) => i.id === selectedId));
    const next = delta === 'top' ? 0 : delta === 'bottom' ? ctx.visible.length - 1 : Math.min(ctx.visible.length - 1, Math.max(0, at + delta));
    dispatch({ type: 'select', id: ctx.visible[next].id });
  };

  const scroll = (steps: number | 'top' | 'bottom') => {
    const ui = ctx.current();
    if (ui.focus === 'containers') return moveSelection(steps);
    const store = cockpit.feed.store;
    if (steps === 'bottom') return logPosition(true);
    const anchor = steps === 'top' ? oldestPage(store, ui.logs, ctx.logRows) : scrollLogs(store, ui.logs, steps);
    if (anchor) logPosition(false, anchor);
  };

  const run = (command: Command) => {
    const ui = ctx.current();
    const selected = ctx.visible.find((i) => i.id === ui.selectedId) ?? ctx.visible[0];
    const page = Math.max(1, ctx.logRows - 1);
    switch (command) {
      case 'quit': return exit();
      case 'help': return dispatch({ type: 'overlay', overlay: { kind: 'help', scroll: 0 } });
      case 'next-pane': return dispatch({ type: 'focus-next', order: ctx.paneOrder });
      case 'focus-containers': return dispatch({ type: 'focus', pane: 'containers' });
      case 'focus-logs': return dispatch({ type: 'focus', pane: 'logs' });
      case 'zoom': return dispatch({ type: 'zoom' });
      case 'up': return scroll(-1);
      case 'down': return scroll(1);
      case 'page-up': return scroll(ui.focus === 'logs' ? -page : -10);
      case 'page-down': return scroll(ui.focus === 'logs' ? page : 10);
      case 'top': return scroll('top');
      case 'bottom': return scroll('bottom');
      case 'filter':
        promptBefore.current = ui.focus === 'logs' ? ui.logs.pattern : ui.containerFilter;
        return dispatch({ type: 'overlay', overlay: { kind: 'prompt', target: ui.focus === 'logs' ? 'logs' : 'containers', text: promptBefore.current } });
      case 'clear-filter':
        return dispatch(ui.focus === 'logs' ? { type: 'log-pattern', text: '' } : { type: 'container-filter', text: '' });
      case 'follow': return ui.logs.follow ? logPosition(false, scrollLogs(cockpit.feed.store, ui.logs, 0)) : logPosition(true);
      case 'level': return dispatch({ type: 'log-level' });
      case 'services': return dispatch({ type: 'overlay', overlay: { kind: 'services', cursor: 0 } });
      case 'all-services': return dispatch({ type: 'log-services', include: undefined, exclude: new Set() });
      case 'timestamps': return dispatch({ type: 'log-toggle', field: 'timestamps' });
      case 'wrap': return dispatch({ type: 'log-toggle', field: 'wrap' });
      case 'runbooks': return openPicker(cockpit, dispatch);
      case 'signal-wizard': return openSuggested(cockpit, dispatch);
      case 'drills': return openDrills(cockpit, dispatch, ctx.current);
    }
    if (!selected) return;
    switch (command) {
      case 'details': return dispatch({ type: 'overlay', overlay: { kind: 'details', instanceId: selected.id, scroll: 0 } });
      case 'logs-of-selected':
        dispatch({ type: 'log-services', include: new Set([selected.service]), exclude: new Set() });
        logPosition(true);
        return dispatch({ type: 'focus', pane: 'logs' });
      case 'shell': return void openShell(selected);
      case 'restart':
      case 'stop-start': {
        const action = command === 'restart' ? restartAction : stopOrStart(selected);
        const go = () => void runContainerAction(action, selected, cockpit.runtime, cockpit.journal, cockpit.state);
        if (!action.confirm) return go();
        return dispatch({ type: 'overlay', overlay: { kind: 'confirm', text: action.describe(selected), run: go } });
      }
    }
  };

  const handle = (input: string, key: Key) => {
    const ui = ctx.current();
    if (key.ctrl && input === 'c') return exit();
    if (ui.overlay) {
      return handleOverlayKey(ui.overlay, input, key, {
        ui, dispatch, services: ctx.services, promptBefore: promptBefore.current,
      });
    }
    const name = keyName(input, key);
    const pane = name ? Object.entries(ctx.paneKeys).find(([, digit]) => digit === name)?.[0] : undefined;
    if (pane) return dispatch({ type: 'focus', pane });
    const command = name ? commandFor(ctx.bindings, name, ui.focus) : undefined;
    // Health, lag and runbooks attach ~0.5 s after the first frame; until then a key bound by them
    // (a pane digit, a runbook key from the config) would do nothing. It waits for them instead.
    if (name && !command && extrasAt === undefined) {
      if (early.current.length < MAX_EARLY_KEYS) early.current.push([input, key]);
      return;
    }
    const extraFocused = ui.focus !== 'containers' && ui.focus !== 'logs';
    if (command === 'runbook-key' && name) return openKeyed(cockpit, dispatch, name);
    if (command && command !== 'pane-key' && (!extraFocused || ALWAYS_GLOBAL.has(command))) run(command);
  };

  useEffect(() => {
    if (extrasAt === undefined || early.current.length === 0) return;
    const keys = early.current;
    early.current = [];
    for (const [input, key] of keys) handle(input, key);
  }, [extrasAt]);

  useInput((input, key) => {
    for (const [one, oneKey] of typedKeys(input, key, ctx.current().overlay?.kind === 'prompt')) handle(one, oneKey);
  });
}
