import { createContext, useContext } from 'react';
import type { Store } from '../src/store/store';
import type { AppState } from '../src/store/app-state';
import type { LogFeed } from '../src/logs/log-feed';
import type { InstanceDetails, Restartable } from '../src/runtime/types';
import type { AuditJournal } from '../src/audit/journal';
import type { Theme } from './theme';
import type { HealthSource } from '../src/health/health-source';
import type { LatencySource } from '../src/health/latency-source';
import type { LagSource } from '../src/kafka/source/lag-source';
import type { RunbookAccess } from './runbook-access';
import type { DrillAccess } from '../src/demo/drill-access';

export interface Cockpit {
  state: Store<AppState>;
  feed: LogFeed;
  runtime: Restartable;
  journal: AuditJournal;
  theme: Theme;
  readOnly: boolean;
  project?: string;
  details?: (containerId: string) => Promise<InstanceDetails>;
  /** Runs an interactive shell in a container; resolves with its exit code. */
  openShell?: (containerId: string) => Promise<number>;
  /** Health checks (config and opsdeck.health labels), when there are any. */
  health?: HealthSource;
  /** Request rate, errors and latency per service with metrics. */
  latency?: LatencySource;
  /** Consumer-group lag, when the config has a `kafka` section. */
  lag?: LagSource;
  /** Runbooks for the wizard (w, W, the config's keys), when they loaded. */
  runbooks?: RunbookAccess;
  /** Fault drills (D), only in `opsdeck demo`. */
  drills?: DrillAccess;
}

export const CockpitContext = createContext<Cockpit | undefined>(undefined);

export function useCockpit(): Cockpit {
  const cockpit = useContext(CockpitContext);
  if (!cockpit) throw new Error('views need a CockpitContext');
  return cockpit;
}
