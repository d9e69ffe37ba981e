// One wizard: a runbook with its parameters, run by the engine in this process with a UiOperator,
// and the state the Wizard view draws (each step's state and last result, the run's outcome).
// Journaling is the engine's; notes typed in the wizard go to the same run journal.
import { AuditJournal, whoAmI, type AuditRecord } from '../src/audit/journal';
import { runRunbook, type RunSummary } from '../src/runbooks/engine/engine';
import { RunJournal, runsDir as defaultRunsDir } from '../src/runbooks/engine/run-journal';
import type { Runbook } from '../src/runbooks/schema';
import { UiOperator, type OperatorEvent } from '../src/runbooks/ui-operator';
import { createStore, type Store } from '../src/store/store';
import type { RunbookAccess } from './runbook-access';

export type StepState = 'pending' | 'waiting' | 'running' | 'pass' | 'fail' | 'skipped';

export interface WizardState {
  phase: 'ready' | 'running' | 'done';
  states: Record<string, StepState>;
  results: Record<string, string>;
  currentId?: string;
  /** The step shown in detail when the operator browses (j/k); the current one otherwise. */
  viewId?: string;
  runId?: string;
  outcome?: RunSummary;
  /** The engine's progress lines, newest last. */
  log: string[];
  /** Open text field for a note. */
  note?: string;
  askAbort: boolean;
  /** A one-line message for the operator (read-only refusal, note saved). */
  flash?: string;
}

class TappedAudit extends AuditJournal {
  constructor(path: string, private readonly tap: (record: AuditRecord) => void) {
    super(path);
  }

  override append(record: AuditRecord): void {
    super.append(record);
    this.tap(record);
  }
}

export class WizardSession {
  readonly operator = new UiOperator();
  readonly store: Store<WizardState>;

  constructor(readonly runbook: Runbook, readonly params: Record<string, string>, private readonly access: RunbookAccess, private readonly auditPath: string, readonly readOnly: boolean, readonly file?: string) {
    this.store = createStore<WizardState>({ phase: 'ready', states: Object.fromEntries(runbook.steps.map((s) => [s.id, 'pending'])), results: {}, log: [], askAbort: false }, 0);
    this.operator.subscribe((event) => this.onEvent(event));
  }

  set(change: Partial<WizardState>): void {
    this.store.set((s) => ({ ...s, ...change }));
  }

  /** Starts the run; refused in --read-only, where the wizard only shows the steps. */
  start(): Promise<RunSummary> | undefined {
    if (this.readOnly) return void this.set({ flash: 'read-only: the wizard shows the steps and what they would run; nothing runs' });
    if (this.store.get().phase !== 'ready') return undefined;
    this.set({ phase: 'running', flash: undefined });
    const audit = new TappedAudit(this.auditPath, (record) => {
      const runId = record.target.run;
      if (runId && this.store.get().runId !== runId) this.set({ runId });
    });
    const run = runRunbook({ runbook: this.runbook, file: this.file, params: this.params }, { ...this.access.engine, operator: this.operator, audit })
      .catch((error: Error): RunSummary => ({ outcome: 'refused', message: error.message }));
    return run.then((outcome) => {
      this.store.set((s) => ({ ...s, phase: 'done', outcome, askAbort: false }));
      return outcome;
    });
  }

  /** Journals a note in the run (and the audit journal), at the current step. */
  addNote(text: string): void {
    const { runId, currentId } = this.store.get();
    if (!runId || !text.trim()) return this.set({ note: undefined });
    const dir = this.access.engine.runsDir ?? defaultRunsDir((this.access.engine.env ?? process.env) as NodeJS.ProcessEnv);
    const who = whoAmI();
    RunJournal.forRun(dir, runId).append({ type: 'note', who, step: currentId, text: text.trim() });
    new AuditJournal(this.auditPath).append({ id: `${runId}#note`, phase: 'end', at: new Date().toISOString(), who, action: 'runbook.note', target: { runbook: this.runbook.id, run: runId, step: currentId }, params: { text: text.trim() }, result: 'ok' });
    this.set({ note: undefined, flash: 'note added to the run journal' });
  }

  private onEvent(event: OperatorEvent | undefined): void {
    if (!event) return this.store.set((s) => ({ ...s }));
    if (event.type === 'note') return this.store.set((s) => ({ ...s, log: [...s.log, ...event.text.split('\n')].slice(-50) }));
    const id = event.step.id;
    if (event.type === 'step') return this.store.set((s) => ({ ...s, currentId: id, viewId: undefined, states: { ...s.states, [id]: 'waiting' } }));
    this.store.set((s) => ({ ...s, states: { ...s.states, [id]: event.report.result }, results: { ...s.results, [id]: event.report.summary } }));
  }

  /** Browses the steps (j/k) to read what each would do. */
  browse(delta: number): void {
    const { viewId, currentId } = this.store.get();
    const steps = this.runbook.steps;
    const at = steps.findIndex((s) => s.id === (viewId ?? currentId ?? steps[0].id));
    this.set({ viewId: steps[Math.max(0, Math.min(steps.length - 1, at + delta))].id });
  }

  /** The operator answered "run" for the waiting step. */
  markRunning(): void {
    const id = this.store.get().currentId;
    if (id) this.store.set((s) => ({ ...s, states: { ...s.states, [id]: 'running' }, results: { ...s.results, [id]: '' } }));
  }
}
