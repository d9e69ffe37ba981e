// The screen's own state (focus, selection, overlays, the logs view), changed only by `reduce`,
// so every key's effect is testable without rendering.
import { makeQuery, type LogQuery } from '../src/logs/log-query';
import type { LogLevel, LogLine } from '../src/logs/line';
import type { WizardSession } from './wizard-session';
import type { PickerOverlay } from './runbook-picker';
import type { DrillPickerOverlay } from './drill-picker';

/** 'containers', 'logs', or an extra pane's id. */
export type Pane = string;

export type Overlay =
  | { kind: 'help'; scroll: number }
  | { kind: 'confirm'; text: string; run: () => void }
  | { kind: 'details'; instanceId: string; scroll: number }
  | { kind: 'prompt'; target: 'containers' | 'logs'; text: string; error?: string }
  | { kind: 'services'; cursor: number }
  | { kind: 'wizard'; session: WizardSession }
  | PickerOverlay
  | DrillPickerOverlay;

export interface LogView {
  follow: boolean;
  /** The bottom line on screen while not following. */
  anchor?: LogLine;
  /** Lines received when the view was paused, to say how many arrived since. */
  pausedAt?: number;
  pattern: string;
  minLevel?: LogLevel;
  include?: ReadonlySet<string>;
  exclude: ReadonlySet<string>;
  query: LogQuery;
  timestamps: boolean;
  wrap: boolean;
}

export interface UiState {
  focus: Pane;
  /** The pane shown above the logs when there is room for one only. */
  top: Pane;
  zoom: boolean;
  selectedId?: string;
  containerFilter: string;
  overlay?: Overlay;
  logs: LogView;
}

export type UiAction =
  | { type: 'focus'; pane: Pane }
  | { type: 'focus-next'; order: Pane[] }
  | { type: 'zoom' }
  | { type: 'select'; id: string | undefined }
  | { type: 'overlay'; overlay: Overlay | undefined }
  | { type: 'prompt-text'; text: string }
  | { type: 'container-filter'; text: string }
  | { type: 'log-pattern'; text: string }
  | { type: 'log-position'; follow: boolean; anchor?: LogLine; received: number }
  | { type: 'log-level' }
  | { type: 'log-services'; include?: ReadonlySet<string>; exclude?: ReadonlySet<string> }
  | { type: 'log-toggle'; field: 'timestamps' | 'wrap' };

export function initialUi(options: { include?: string[]; exclude?: string[]; timestamps?: boolean; wrap?: boolean } = {}): UiState {
  const logs: Omit<LogView, 'query'> = {
    follow: true, pattern: '', include: options.include ? new Set(options.include) : undefined,
    exclude: new Set(options.exclude ?? []), timestamps: options.timestamps ?? false, wrap: options.wrap ?? false,
  };
  return { focus: 'containers', top: 'containers', zoom: false, containerFilter: '', logs: withQuery(logs) };
}

/** `!re` inverts; an invalid regex throws with the engine's message. */
export function parsePattern(text: string): { pattern?: RegExp; invert: boolean } {
  const invert = text.startsWith('!');
  const source = invert ? text.slice(1) : text;
  if (!source) return { invert: false };
  const smartCase = source === source.toLowerCase() ? 'i' : '';
  return { pattern: new RegExp(source, smartCase), invert };
}

function withQuery(logs: Omit<LogView, 'query'>): LogView {
  const { pattern, invert } = parsePattern(logs.pattern);
  return { ...logs, query: makeQuery({ pattern, invert, minLevel: logs.minLevel, include: logs.include, exclude: logs.exclude }) };
}

const LEVELS: (LogLevel | undefined)[] = [undefined, 'warn', 'error'];

export function reduce(state: UiState, action: UiAction): UiState {
  switch (action.type) {
    case 'focus':
      return { ...state, focus: action.pane, top: action.pane === 'logs' ? state.top : action.pane };
    case 'focus-next': {
      const next = action.order[(action.order.indexOf(state.focus) + 1) % action.order.length];
      return reduce(state, { type: 'focus', pane: next });
    }
    case 'zoom':
      return { ...state, zoom: !state.zoom };
    case 'select':
      return { ...state, selectedId: action.id };
    case 'overlay':
      return { ...state, overlay: action.overlay };
    case 'prompt-text':
      return state.overlay?.kind === 'prompt' ? { ...state, overlay: { ...state.overlay, text: action.text, error: undefined } } : state;
    case 'container-filter':
      return { ...state, containerFilter: action.text };
    case 'log-pattern':
      return { ...state, logs: withQuery({ ...state.logs, pattern: action.text }) };
    case 'log-position':
      return {
        ...state,
        logs: {
          ...state.logs, follow: action.follow, anchor: action.follow ? undefined : action.anchor,
          pausedAt: action.follow ? undefined : (state.logs.pausedAt ?? action.received),
        },
      };
    case 'log-level': {
      const next = LEVELS[(LEVELS.indexOf(state.logs.minLevel) + 1) % LEVELS.length];
      return { ...state, logs: withQuery({ ...state.logs, minLevel: next }) };
    }
    case 'log-services':
      return { ...state, logs: withQuery({ ...state.logs, include: action.include, exclude: action.exclude ?? state.logs.exclude }) };
    case 'log-toggle':
      return { ...state, logs: { ...state.logs, [action.field]: !state.logs[action.field] } };
  }
}
