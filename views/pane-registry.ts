// Panes beside the containers pane (health, latency, lag…) plug in here. Each brings its own
// keys (listed in the help, handled by the pane while it has focus) and says when it has
// something to show.
import type { ReactElement } from 'react';
import type { Binding } from './key-table';
import type { Cockpit } from './context';

export interface PaneProps {
  width: number;
  height: number;
  /** The pane has focus and no overlay is open: it may take keys (useInput with isActive). */
  active: boolean;
  focused: boolean;
}

export interface ExtraPane {
  id: string;
  title: string;
  /** The digit that focuses it. */
  key: string;
  /** Keys the pane handles itself while focused, for the help; `mutates` ones vanish in read-only mode. */
  bindings: Binding[];
  enabled(cockpit: Cockpit): boolean;
  /** Rows it would like (borders included), to share the screen fairly. */
  rowsWanted(cockpit: Cockpit): number;
  render(props: PaneProps): ReactElement;
}
