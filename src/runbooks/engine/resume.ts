// What an interrupted run left behind: its parameters and, per step visit, whether the step
// started and finished. The engine replays finished visits instead of running them again.
import type { ActionType } from '../schema-action';
import type { Step } from '../schema';
import type { RunEvent } from './run-journal';

/** Kinds that can run twice without harm; others are not repeated on resume without asking. */
const IDEMPOTENT_BY_DEFAULT: ReadonlySet<ActionType> = new Set(['stop', 'start', 'wait_healthy', 'backup']);

type StartEvent = Extract<RunEvent, { type: 'step-start' }>;
type EndEvent = Extract<RunEvent, { type: 'step-end' }>;

export interface PriorRun {
  runbook: string;
  /** Non-secret parameters as given; secret ones must be given again. */
  params: Record<string, string>;
  visits: Map<number, { start: StartEvent; end?: EndEvent }>;
  finished?: string;
}

export function readPriorRun(events: RunEvent[]): PriorRun | undefined {
  const head = events.find((e): e is Extract<RunEvent, { type: 'run-start' }> => e.type === 'run-start');
  if (!head) return undefined;
  const params = Object.fromEntries(Object.entries(head.params).filter(([name]) => !head.secretParams.includes(name)).map(([k, v]) => [k, String(v)]));
  const visits: PriorRun['visits'] = new Map();
  let finished: string | undefined;
  for (const event of events) {
    if (event.type === 'step-start') visits.set(event.seq, { start: event });
    else if (event.type === 'step-end') {
      const visit = visits.get(event.seq);
      if (visit && visit.start.step === event.step) visit.end = event;
    } else if (event.type === 'run-end') finished = event.outcome;
    else if (event.type === 'resume') finished = undefined;
  }
  return { runbook: head.runbook, params, visits, finished };
}

/** An action that may do harm if done twice: it is not repeated after a crash without asking. */
export function unsafeToRepeat(step: Step): boolean {
  return step.kind === 'action' && !(step.idempotent ?? IDEMPOTENT_BY_DEFAULT.has(step.action.type));
}
