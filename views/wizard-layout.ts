// How many rows the wizard's parts take, so the step list gets what is left and the question
// box is never pushed off the screen (Ink would squeeze the top lines instead).
import type { Question } from '../src/runbooks/ui-operator';
import type { StepText } from './wizard-render';
import type { WizardState } from './wizard-session';

export const linesOf = (text: string, width: number) => text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / Math.max(1, width))), 0);

/** Rows of the question box (borders included), 0 when nothing is asked. */
export function promptRows(state: WizardState, question: Question | undefined, width: number, shownCommand: string): number {
  const w = width - 4;
  if (state.note !== undefined || state.askAbort) return 3;
  switch (question?.kind) {
    case 'failed': return 2 + linesOf(`x failed: ${question.report.summary}`, w);
    case 'confirm': return 2 + linesOf(question.prompt, w) + (question.detail && !shownCommand.includes(question.detail) ? linesOf(question.detail, w) : 0);
    case 'type': return 3 + linesOf(question.prompt, w);
    case 'choose': return 2 + linesOf(question.prompt, w) + question.choices.length;
    default: return 0;
  }
}

export function detailRows(text: StepText, description: string | undefined, width: number): number {
  return 2 + linesOf(text.what, width) + text.flags.length + (description ? linesOf(description, width) : 0);
}
