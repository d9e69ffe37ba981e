// Writes what happens in a run twice, redacted: to the run's own journal (for resume and the
// report) and to the shared audit journal (for "who did what" across the cockpit).
import type { AuditJournal } from '../../audit/journal';
import { whoAmI } from '../../audit/journal';
import type { Operator } from './types';
import type { NewRunEvent, RunEvent, RunJournal } from './run-journal';

export type StepEnd = Omit<Extract<RunEvent, { type: 'step-end' }>, 'type' | 'at' | 'seq' | 'step'>;
import type { Redactor } from './redact';
import { fillTitle } from './interpolate';
import type { ParamValue } from './params';

export class RunTrail {
  readonly who = whoAmI();
  seq?: number;
  step?: string;

  constructor(readonly runId: string, readonly runbook: string, readonly journal: RunJournal, readonly redactor: Redactor, private readonly operator: Operator, private readonly audit?: AuditJournal,
    private readonly params: Record<string, ParamValue> = {}) {}

  write(event: NewRunEvent): RunEvent {
    return this.journal.append(this.redactor.value(event));
  }

  private auditRecord(phase: 'start' | 'end', action: string, params: Record<string, unknown>, result?: { ok: boolean; error?: string; durationMs?: number }): void {
    this.audit?.append(this.redactor.value({
      id: `${this.runId}#${this.seq ?? 0}`, phase, at: new Date().toISOString(), who: this.who, action,
      target: { runbook: this.runbook, run: this.runId, step: this.step },
      params, result: result ? (result.ok ? 'ok' : 'error') : undefined, error: result?.error, durationMs: result?.durationMs,
    }));
  }

  stepStart(seq: number, raw: { id: string; kind: string; title: string }, attempt: number, render?: string): void {
    const step = { ...raw, title: fillTitle(raw.title, this.params) };
    this.seq = seq;
    this.step = step.id;
    this.write({ type: 'step-start', who: this.who, seq, step: step.id, kind: step.kind, title: step.title, attempt, render });
    this.auditRecord('start', `runbook.${step.kind}`, { title: step.title, attempt, ...(render ? { render } : {}) });
    this.say(`▶ ${step.title}${render ? `\n    ${render}` : ''}`);
  }

  stepEnd(seq: number, step: string, end: StepEnd): void {
    this.write({ type: 'step-end', seq, step, ...end });
    this.auditRecord('end', 'runbook.step', { next: end.next, changes: end.changes }, { ok: end.result !== 'fail', error: end.result === 'fail' ? end.summary : undefined, durationMs: end.durationMs });
    this.say(`  ${end.result === 'pass' ? '✓' : end.result === 'fail' ? '✗' : '↷'} ${end.summary}`);
  }

  answer(prompt: string, answer: string): void {
    const auto = this.operator.auto === true;
    this.write({ type: 'operator', who: this.who, seq: this.seq, step: this.step, prompt, answer, auto });
    this.auditRecord('end', 'runbook.operator', { prompt, answer, auto }, { ok: true });
  }

  note(text: string): void {
    this.write({ type: 'note', who: this.who, seq: this.seq, step: this.step, text });
    this.auditRecord('end', 'runbook.note', { text }, { ok: true });
  }

  /** Tells the operator, redacted. */
  say(text: string): void {
    this.operator.note(this.redactor.text(text));
  }
}
