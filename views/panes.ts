import type { ExtraPane } from './pane-registry';

/** Every extra pane, in the order of their keys. */
export const EXTRA_PANES: ExtraPane[] = [];
