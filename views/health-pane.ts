// The health pane's entry in the pane registry: digit 3, shown when there are checks.
import React from 'react';
import type { ExtraPane } from './pane-registry';
import { HealthPane } from './HealthPane';

export const healthPane: ExtraPane = {
  id: 'health',
  title: 'Health',
  key: '3',
  bindings: [
    { command: 'pane-key', keys: ['j', 'k'], scope: 'health', help: 'select a check' },
    { command: 'pane-key', keys: ['enter'], scope: 'health', help: "the check's last result in full (esc closes)" },
    { command: 'pane-key', keys: ['c'], scope: 'health', help: 'run the selected check now' },
  ],
  enabled: (cockpit) => (cockpit.health?.store.get().checks.length ?? 0) > 0,
  rowsWanted: (cockpit) => (cockpit.health?.store.get().checks.length ?? 0) + 3,
  render: (props) => React.createElement(HealthPane, props),
};
