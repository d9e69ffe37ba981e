// The wizard's keys. Before a run: enter starts it (not in --read-only), esc closes. During it,
// for the step waiting: enter runs it, s skips it; after a failure: r retries, enter goes on along
// its branch; confirmations take y/n, decisions a digit, typed confirmations the name and enter.
// n adds a note to the run journal (while a y/n question waits, n answers it); a (or esc) aborts after a y/n. When it is over, esc closes.
import type { Key } from 'ink';
import type { WizardSession } from './wizard-session';

export function wizardKey(session: WizardSession, input: string, key: Key, close: () => void): void {
  const state = session.store.get();
  const { operator } = session;
  const question = operator.question;
  const printable = input && !key.ctrl && !key.meta && !key.return && !key.escape && !key.tab;

  if (state.note !== undefined) {
    if (key.escape) return session.set({ note: undefined });
    if (key.return) return session.addNote(state.note);
    if (key.backspace || key.delete) return session.set({ note: state.note.slice(0, -1) });
    if (printable) session.set({ note: state.note + input });
    return;
  }
  if (state.askAbort) {
    if (input === 'y' || input === 'Y') {
      session.set({ askAbort: false, flash: 'aborting: the run stops at the next question' });
      return operator.abort();
    }
    if (input === 'n' || input === 'N' || key.escape) session.set({ askAbort: false });
    return;
  }
  if (question?.kind !== 'type' && (input === 'j' || input === 'k' || key.downArrow || key.upArrow)) return session.browse(input === 'j' || key.downArrow ? 1 : -1);
  if (state.phase !== 'running') {
    if (key.escape || input === 'q') return close();
    if (key.return && state.phase === 'ready') void session.start();
    return;
  }
  if (question?.kind === 'type') {
    if (key.escape) return operator.answer('');
    if (key.return) return operator.answer(question.typed);
    if (key.backspace || key.delete) return operator.type(question.typed.slice(0, -1));
    if (printable) operator.type(question.typed + input);
    return;
  }
  if (question?.kind === 'confirm' && (input === 'y' || input === 'Y' || input === 'n' || input === 'N')) return operator.answer(input.toLowerCase() === 'y');
  if (input === 'a' || key.escape) return session.set({ askAbort: true });
  if (input === 'n' && state.runId) return session.set({ note: '' });
  switch (question?.kind) {
    case 'step':
      if (key.return) {
        session.markRunning();
        operator.answer('run');
      } else if (input === 's') {
        session.store.set((s) => ({ ...s, states: { ...s.states, [question.step.id]: 'skipped' }, results: { ...s.results, [question.step.id]: 'skipped by the operator' } }));
        operator.answer('skip');
      }
      return;
    case 'failed':
      if (input === 'r') {
        session.markRunning();
        operator.answer('retry');
      } else if (key.return) operator.answer('continue');
      return;
    case 'choose': {
      const picked = question.choices[Number(input) - 1];
      if (/^[1-9]$/.test(input) && picked) operator.answer(picked.value);
      return;
    }
  }
}
