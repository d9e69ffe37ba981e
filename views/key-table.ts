// One table drives key dispatch and the `?` help. Bindings that change the world are marked
// `mutates`; --read-only removes them, so they are neither reachable nor listed.
import type { Key } from 'ink';

/** 'global', a built-in pane, or an extra pane's id. */
export type Scope = string;

export type Command =
  | 'pane-key'
  | 'help' | 'quit' | 'next-pane' | 'focus-containers' | 'focus-logs' | 'zoom'
  | 'up' | 'down' | 'page-up' | 'page-down' | 'top' | 'bottom'
  | 'details' | 'logs-of-selected' | 'shell' | 'restart' | 'stop-start' | 'filter'
  | 'follow' | 'level' | 'services' | 'all-services' | 'timestamps' | 'wrap' | 'clear-filter'
  | 'runbooks' | 'signal-wizard' | 'runbook-key' | 'drills';

export interface Binding {
  command: Command;
  keys: string[];
  scope: Scope;
  help: string;
  mutates?: boolean;
}

export const BINDINGS: Binding[] = [
  { command: 'help', keys: ['?'], scope: 'global', help: 'show or hide this help' },
  { command: 'next-pane', keys: ['tab'], scope: 'global', help: 'next pane' },
  { command: 'focus-containers', keys: ['1'], scope: 'global', help: 'containers pane' },
  { command: 'focus-logs', keys: ['2'], scope: 'global', help: 'logs pane' },
  { command: 'zoom', keys: ['z'], scope: 'global', help: 'zoom the focused pane' },
  { command: 'quit', keys: ['q', 'ctrl+c'], scope: 'global', help: 'quit' },
  { command: 'up', keys: ['up', 'k'], scope: 'global', help: 'move up' },
  { command: 'down', keys: ['down', 'j'], scope: 'global', help: 'move down' },
  { command: 'page-up', keys: ['pageup', 'ctrl+u'], scope: 'global', help: 'page up' },
  { command: 'page-down', keys: ['pagedown', 'ctrl+d'], scope: 'global', help: 'page down' },
  { command: 'top', keys: ['g', 'home'], scope: 'global', help: 'first' },
  { command: 'bottom', keys: ['G', 'end'], scope: 'global', help: 'last (logs: newest, following)' },
  { command: 'filter', keys: ['/'], scope: 'global', help: 'filter (logs: regex, !regex inverts)' },
  { command: 'clear-filter', keys: ['esc'], scope: 'global', help: 'clear the filter' },
  { command: 'runbooks', keys: ['w'], scope: 'global', help: 'runbooks: pick one, open its wizard' },
  { command: 'signal-wizard', keys: ['W'], scope: 'global', help: 'wizard a live signal suggests (footer)' },
  { command: 'details', keys: ['enter'], scope: 'containers', help: 'details: image, command, env, mounts, health' },
  { command: 'logs-of-selected', keys: ['l'], scope: 'containers', help: 'logs of the selected service' },
  { command: 'shell', keys: ['e'], scope: 'containers', help: 'shell in the container', mutates: true },
  { command: 'restart', keys: ['r'], scope: 'containers', help: 'restart the container', mutates: true },
  { command: 'stop-start', keys: ['s'], scope: 'containers', help: 'stop a running container, start a stopped one', mutates: true },
  { command: 'follow', keys: ['f', 'space'], scope: 'logs', help: 'follow / pause (paused keeps collecting)' },
  { command: 'level', keys: ['v'], scope: 'logs', help: 'level: all, WARN and up, ERROR only' },
  { command: 'services', keys: ['s'], scope: 'logs', help: 'choose services to show' },
  { command: 'all-services', keys: ['a'], scope: 'logs', help: 'show every service' },
  { command: 'timestamps', keys: ['t'], scope: 'logs', help: 'timestamps on / off' },
  { command: 'wrap', keys: ['w'], scope: 'logs', help: 'wrap long lines on / off' },
];

export function bindingsFor(readOnly: boolean, extra: Binding[] = []): Binding[] {
  const all = [...BINDINGS, ...extra];
  return readOnly ? all.filter((b) => !b.mutates) : all;
}

/** Ink's key event as the names used in the table: `ctrl+u`, `tab`, `G`, `?`. */
export function keyName(input: string, key: Key): string | undefined {
  if (key.ctrl && input) return `ctrl+${input.toLowerCase()}`;
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.tab && !key.shift) return 'tab';
  if (key.return) return 'enter';
  if (key.escape) return 'esc';
  if (input === ' ') return 'space';
  return input || undefined;
}

export function commandFor(bindings: Binding[], name: string, focus: Scope): Command | undefined {
  return (bindings.find((b) => b.scope === focus && b.keys.includes(name)) ?? bindings.find((b) => b.scope === 'global' && b.keys.includes(name)))?.command;
}
