// Keys while an overlay is open: it takes every key first, like a modal in k9s.
import type { Key } from 'ink';
import type { Overlay, UiAction, UiState } from './ui-state';
import { parsePattern } from './ui-state';
import { wizardKey } from './wizard-keys';
import { pickerKey } from './runbook-picker';
import { drillPickerKey } from './drill-picker';

export interface OverlayContext {
  ui: UiState;
  dispatch: (action: UiAction) => void;
  services: string[];
  /** Previous filter text, restored when a prompt is cancelled. */
  promptBefore: string;
}

export function handleOverlayKey(overlay: Overlay, input: string, key: Key, ctx: OverlayContext): void {
  const close = () => ctx.dispatch({ type: 'overlay', overlay: undefined });
  switch (overlay.kind) {
    case 'help':
      // q closes it as it closes the details, the wizard and the pickers; it quits only from the panes.
      if (key.escape || input === '?' || input === 'q' || key.return) close();
      else if (key.downArrow || input === 'j') ctx.dispatch({ type: 'overlay', overlay: { ...overlay, scroll: overlay.scroll + 1 } });
      else if (key.upArrow || input === 'k') ctx.dispatch({ type: 'overlay', overlay: { ...overlay, scroll: Math.max(0, overlay.scroll - 1) } });
      return;
    case 'confirm':
      if (input === 'y' || input === 'Y') {
        close();
        overlay.run();
      } else if (input === 'n' || input === 'N' || key.escape) close();
      return;
    case 'details':
      if (key.escape || key.return || input === 'q') close();
      else if (key.downArrow || input === 'j') ctx.dispatch({ type: 'overlay', overlay: { ...overlay, scroll: overlay.scroll + 1 } });
      else if (key.upArrow || input === 'k') ctx.dispatch({ type: 'overlay', overlay: { ...overlay, scroll: Math.max(0, overlay.scroll - 1) } });
      else if (key.pageDown || input === ' ') ctx.dispatch({ type: 'overlay', overlay: { ...overlay, scroll: overlay.scroll + 10 } });
      else if (key.pageUp) ctx.dispatch({ type: 'overlay', overlay: { ...overlay, scroll: Math.max(0, overlay.scroll - 10) } });
      return;
    case 'prompt':
      return promptKey(overlay, input, key, ctx);
    case 'services':
      return servicesKey(overlay, input, key, ctx);
    case 'wizard':
      return wizardKey(overlay.session, input, key, close);
    case 'runbooks':
      return pickerKey(overlay, input, key, (next) => ctx.dispatch({ type: 'overlay', overlay: next }));
    case 'drills':
      return drillPickerKey(overlay, input, key, (next) => ctx.dispatch({ type: 'overlay', overlay: next }));
  }
}

function applyFilter(target: 'containers' | 'logs', text: string, ctx: OverlayContext): string | undefined {
  if (target === 'containers') {
    ctx.dispatch({ type: 'container-filter', text });
    return undefined;
  }
  try {
    parsePattern(text);
  } catch (error) {
    return (error as Error).message.replace(/^Invalid regular expression: /, 'bad regex: ');
  }
  ctx.dispatch({ type: 'log-pattern', text });
  return undefined;
}

function promptKey(overlay: Extract<Overlay, { kind: 'prompt' }>, input: string, key: Key, ctx: OverlayContext): void {
  if (key.escape) {
    applyFilter(overlay.target, ctx.promptBefore, ctx);
    ctx.dispatch({ type: 'overlay', overlay: undefined });
    return;
  }
  if (key.return) {
    if (!overlay.error) ctx.dispatch({ type: 'overlay', overlay: undefined });
    return;
  }
  let text = overlay.text;
  if (key.backspace || key.delete) text = text.slice(0, -1);
  else if (key.ctrl && input === 'u') text = '';
  else if (input && !key.ctrl && !key.meta) text += input;
  else return;
  const error = applyFilter(overlay.target, text, ctx);
  ctx.dispatch({ type: 'overlay', overlay: { ...overlay, text, error } });
}

function servicesKey(overlay: Extract<Overlay, { kind: 'services' }>, input: string, key: Key, ctx: OverlayContext): void {
  const { services } = ctx;
  const current = services[overlay.cursor];
  const shown = (s: string) => (ctx.ui.logs.include ? ctx.ui.logs.include.has(s) : !ctx.ui.logs.exclude.has(s));
  if (key.escape || key.return) ctx.dispatch({ type: 'overlay', overlay: undefined });
  else if (key.downArrow || input === 'j') ctx.dispatch({ type: 'overlay', overlay: { ...overlay, cursor: Math.min(services.length - 1, overlay.cursor + 1) } });
  else if (key.upArrow || input === 'k') ctx.dispatch({ type: 'overlay', overlay: { ...overlay, cursor: Math.max(0, overlay.cursor - 1) } });
  else if (input === 'a') ctx.dispatch({ type: 'log-services', include: undefined, exclude: new Set() });
  else if (input === 'o' && current) ctx.dispatch({ type: 'log-services', include: new Set([current]), exclude: new Set() });
  else if (input === ' ' && current) {
    const visible = new Set(services.filter(shown));
    if (visible.has(current)) visible.delete(current);
    else visible.add(current);
    const exclude = new Set(services.filter((s) => !visible.has(s)));
    ctx.dispatch({ type: 'log-services', include: undefined, exclude });
  }
}
