import type { ExtraPane } from './pane-registry';
import { healthPane } from './health-pane';
import { latencyPane } from './latency-pane';
import { lagPane } from './LagPane';

/** Every extra pane, in the order of their keys. */
export const EXTRA_PANES: ExtraPane[] = [
  healthPane,
  latencyPane,
  lagPane,
];
