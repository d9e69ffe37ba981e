// A health check as the cockpit runs and shows it; kept apart from check-list.ts (which validates
// label-made checks with the config's schema) so that the views load without zod.
import type { CheckSpec } from '../checks/types';

export interface HealthCheck {
  /** The check's name; unique. */
  id: string;
  service: string;
  spec: CheckSpec;
  origin: 'config' | 'label';
  /** Why a label could not be turned into a check; the check then reports it as down. */
  problem?: string;
}

/** Where a check looks, for the pane and the JSON output. */
export function checkTarget(check: HealthCheck): string {
  const spec = check.spec;
  switch (spec.type) {
    case 'http': return spec.url;
    case 'tcp': return `tcp://${spec.host}:${spec.port}`;
    case 'postgres': return `postgres://${spec.user}@${spec.host}:${spec.port}/${spec.database}`;
    case 'exec': return check.problem ? '-' : [spec.command, ...spec.args].join(' ');
    case 'docker': return `container ${spec.container}`;
  }
}
