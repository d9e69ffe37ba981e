import type { Instance } from './types';

/** An instance that should be running and is not, or says it is unhealthy. One-shot jobs that exited 0 are done, not down. */
export function isFailing(instance: Instance): boolean {
  if (instance.health === 'unhealthy') return true;
  if (instance.state === 'running') return false;
  return !(instance.state === 'exited' && instance.exitCode === 0);
}
