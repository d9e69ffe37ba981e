// The engine's Operator for the TUI wizard: every question the engine asks (run this step?,
// retry it?, confirm, type the service name, choose a branch) becomes one pending question that
// the wizard shows and answers from keys. Nothing here knows about Ink; the wizard subscribes.
import type { Step } from './schema';
import type { Choice, Operator, StepControl, StepReport } from './engine/types';

export type Question =
  | { kind: 'step'; step: Step; seq: number }
  | { kind: 'failed'; step: Step; seq: number; report: StepReport }
  | { kind: 'confirm'; prompt: string; detail?: string }
  | { kind: 'type'; prompt: string; expected: string; typed: string }
  | { kind: 'choose'; prompt: string; choices: Choice[] };

export type Answer = 'run' | 'skip' | 'abort' | 'retry' | 'continue' | boolean | string | undefined;

export type OperatorEvent =
  | { type: 'step'; step: Step; seq: number }
  | { type: 'ended'; step: Step; seq: number; report: StepReport }
  | { type: 'note'; text: string };

export class UiOperator implements Operator {
  readonly auto = false;
  question: Question | undefined;
  private settle: ((answer: Answer) => void) | undefined;
  private aborting = false;
  private readonly listeners = new Set<(event?: OperatorEvent) => void>();

  readonly steps: StepControl = {
    before: async (step, seq) => {
      this.emit({ type: 'step', step, seq });
      if (this.aborting) return 'abort';
      return (await this.ask({ kind: 'step', step, seq })) as 'run' | 'skip' | 'abort';
    },
    after: async (step, seq, report) => {
      this.emit({ type: 'ended', step, seq, report });
      if (report.result !== 'fail' || this.aborting) return 'continue';
      return (await this.ask({ kind: 'failed', step, seq, report })) === 'retry' ? 'retry' : 'continue';
    },
  };

  subscribe(listener: (event?: OperatorEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  note(text: string): void {
    this.emit({ type: 'note', text });
  }

  async confirm(prompt: string, detail?: string): Promise<boolean> {
    return (await this.ask({ kind: 'confirm', prompt, detail })) === true;
  }

  async typeConfirm(prompt: string, expected: string): Promise<boolean> {
    return (await this.ask({ kind: 'type', prompt, expected, typed: '' })) === expected;
  }

  async choose(prompt: string, choices: Choice[]): Promise<string | undefined> {
    const value = await this.ask({ kind: 'choose', prompt, choices });
    return typeof value === 'string' && choices.some((c) => c.value === value) ? value : undefined;
  }

  /** Answers the pending question; ignored when there is none. */
  answer(value: Answer): void {
    const settle = this.settle;
    if (!settle) return;
    this.settle = undefined;
    this.question = undefined;
    settle(value);
    this.emit();
  }

  /** The text typed so far for a typed confirmation. */
  type(text: string): void {
    if (this.question?.kind !== 'type') return;
    this.question = { ...this.question, typed: text };
    this.emit();
  }

  /** Stops the run at the next question: the pending one is declined, later steps do not start. */
  abort(): void {
    this.aborting = true;
    const q = this.question;
    if (!q) return;
    this.answer(q.kind === 'step' ? 'abort' : q.kind === 'failed' ? 'continue' : q.kind === 'type' ? '' : q.kind === 'choose' ? undefined : false);
  }

  get aborted(): boolean {
    return this.aborting;
  }

  private ask(question: Question): Promise<Answer> {
    if (this.aborting) return Promise.resolve(question.kind === 'step' ? 'abort' : undefined);
    return new Promise((resolve) => {
      this.question = question;
      this.settle = resolve;
      this.emit();
    });
  }

  private emit(event?: OperatorEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}
