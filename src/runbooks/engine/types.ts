// The seams of the runbook engine: who answers questions (Operator), who probes (Prober), who
// touches containers (ContainerRuntime) and Kafka offsets (OffsetResetter). The TUI and headless
// runs plug in their own Operator; everything else is shared.
import type { Action, ActionType, Probe, Step } from '../schema';

export interface Choice {
  label: string;
  value: string;
  /** What an automatic (headless --yes) operator picks; without one it cannot decide. */
  default?: boolean;
}

export interface Operator {
  /** True when answers are automatic (headless --yes); the journal marks them so. */
  readonly auto?: boolean;
  /** Yes/no; false declines. */
  confirm(prompt: string, detail?: string): Promise<boolean>;
  /** One of the choices' values, or undefined to abort. */
  choose(prompt: string, choices: Choice[]): Promise<string | undefined>;
  /** The operator types `expected` (e.g. the service name) to confirm a P0 destructive action. */
  typeConfirm(prompt: string, expected: string): Promise<boolean>;
  /** Progress shown to the operator: step started, result, dry-run rendering. */
  note(text: string): void;
  /** Step-by-step control (the TUI wizard); headless operators have none and every step just runs. */
  readonly steps?: StepControl;
}

/** What a step ended with, as the wizard is told. */
export interface StepReport {
  result: 'pass' | 'fail' | 'skipped';
  summary: string;
  next: string;
}

export interface StepControl {
  /** Before a step runs (not when a resume replays it): run it, skip it (journaled), or abort. */
  before(step: Step, seq: number): Promise<'run' | 'skip' | 'abort'>;
  /** After a step ran; 'retry' runs it again (a failed check or action), 'continue' follows its branch. */
  after(step: Step, seq: number, report: StepReport): Promise<'continue' | 'retry'>;
}

export interface ProbeOutcome {
  pass: boolean;
  /** One line a user can act on, e.g. `HTTP 503; model_loaded was false (expected == true)`. */
  summary: string;
  fields?: Record<string, string>;
}

export interface Prober {
  probe(probe: Probe, signal: AbortSignal): Promise<ProbeOutcome>;
}

export interface ContainerStatus {
  id: string;
  name: string;
  state: string;
  health?: 'healthy' | 'unhealthy' | 'starting';
  env: Record<string, string>;
  /** Restarts after crashes: the process supervisor's, or the engine's restart policy's. */
  restarts?: number;
}

export interface ContainerRuntime {
  /** Container ids of a service, running or not; the project is the configured one when omitted. */
  findService(service: string, project?: string): Promise<string[]>;
  inspect(id: string): Promise<ContainerStatus>;
  restart(id: string): Promise<void>;
  stop(id: string): Promise<void>;
  start(id: string): Promise<void>;
  /** Same config with env changed (`undefined` removes a variable); returns the new container's id. */
  recreate(id: string, envChanges: Record<string, string | undefined>): Promise<string>;
  exec(id: string, argv: string[], signal?: AbortSignal): Promise<{ exitCode: number; output: string }>;
}

export interface ResetPreview {
  /** Messages the group will no longer read, and will read again. */
  skipped: number;
  replayed: number;
  describe: string;
}

/** Resets a consumer group's offsets; implemented over the Kafka helper's reset module. */
export interface OffsetResetter {
  reset(request: { group: string; topic: string; to: 'latest' | 'earliest' | 'timestamp'; timestamp?: number }, dryRun: boolean): Promise<ResetPreview>;
}

export interface ActionResult {
  summary: string;
  /** What is now different from normal, for the incident report. */
  changes?: string[];
  output?: string;
}

export interface ExecutorContext {
  signal: AbortSignal;
  prober: Prober;
  runtime?: ContainerRuntime;
  offsets?: OffsetResetter;
}

export interface ActionExecutor<A extends Action = Action> {
  /** Exactly what `run` would do, in one or a few lines; shown in dry-run and before confirming. */
  render(action: A): string;
  /** Does it; throws with a message a user can act on when it fails. */
  run(action: A, ctx: ExecutorContext): Promise<ActionResult>;
}

export type ExecutorRegistry = { [T in ActionType]: ActionExecutor<Extract<Action, { type: T }>> };

export type RunOutcome = 'succeeded' | 'failed' | 'aborted' | 'refused' | 'locked' | 'dry-run';

export const EXIT_CODES: Record<RunOutcome, number> = { succeeded: 0, 'dry-run': 0, failed: 1, aborted: 3, refused: 4, locked: 5 };
