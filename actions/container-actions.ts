// What can be done to a container from the cockpit. Each action says whether it applies, what
// exactly will happen (the confirm dialog shows this), and whether it needs confirming.
import type { Instance, Restartable } from '../src/runtime/types';

export interface ContainerAction {
  id: 'restart' | 'stop' | 'start';
  verb: string;
  confirm: boolean;
  appliesTo(instance: Instance): boolean;
  describe(instance: Instance): string;
  run(runtime: Restartable, instance: Instance): Promise<void>;
}

const who = (i: Instance) => `${i.name} (service ${i.service}${i.project ? `, project ${i.project}` : ''})`;

export const restartAction: ContainerAction = {
  id: 'restart',
  verb: 'restarted',
  confirm: true,
  appliesTo: (i) => i.state !== 'removing' && i.state !== 'dead',
  describe: (i) => `Restart ${who(i)}? Docker sends SIGTERM, waits up to 10 s, kills it if still running, then starts it again.`,
  run: (runtime, i) => runtime.restart(i.id),
};

export const stopAction: ContainerAction = {
  id: 'stop',
  verb: 'stopped',
  confirm: true,
  appliesTo: (i) => i.state === 'running' || i.state === 'restarting' || i.state === 'paused',
  describe: (i) => `Stop ${who(i)}? Docker sends SIGTERM, waits up to 10 s, then kills it. It stays stopped until started again.`,
  run: (runtime, i) => runtime.stop(i.id),
};

export const startAction: ContainerAction = {
  id: 'start',
  verb: 'started',
  confirm: false,
  appliesTo: (i) => i.state === 'exited' || i.state === 'created' || i.state === 'dead',
  describe: (i) => `Start ${who(i)}.`,
  run: (runtime, i) => runtime.start(i.id),
};

/** `s` toggles: stop what runs, start what does not. */
export function stopOrStart(instance: Instance): ContainerAction {
  return stopAction.appliesTo(instance) ? stopAction : startAction;
}
