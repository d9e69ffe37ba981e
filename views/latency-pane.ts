// The latency pane's entry in the pane registry: digit 4, shown when a service has metrics.
import React from 'react';
import type { ExtraPane } from './pane-registry';
import { LatencyPane } from './LatencyPane';

export const latencyPane: ExtraPane = {
  id: 'latency',
  title: 'Latency',
  key: '4',
  bindings: [],
  enabled: (cockpit) => (cockpit.latency?.store.get().rows.length ?? 0) > 0,
  rowsWanted: (cockpit) => (cockpit.latency?.store.get().rows.length ?? 0) + 3,
  render: (props) => React.createElement(LatencyPane, props),
};
