// Walks a runbook's steps along their branches. On resume, visits the interrupted run finished
// are replayed from its journal; a risky action it started but never finished is not run again
// unless the operator says so.
import type { Runbook } from '../schema';
import type { RunOutcome } from './types';
import type { PriorRun } from './resume';
import { unsafeToRepeat } from './resume';
import { ABORT, runStep, type StepContext, type StepOutcome } from './steps';

/** A loop guard: a runbook whose branches cycle this often is stopped. */
const MAX_VISITS = 500;

export async function walkSteps(runbook: Runbook, prior: PriorRun | undefined, ctx: StepContext): Promise<{ outcome: RunOutcome; message: string }> {
  let index = 0;
  for (let seq = 1; ; seq++) {
    if (index >= runbook.steps.length) break;
    if (seq > MAX_VISITS) return { outcome: 'failed', message: `stopped after ${MAX_VISITS} steps: the runbook's branches loop` };
    const step = runbook.steps[index];
    const before = prior?.visits.get(seq);
    let outcome: StepOutcome;
    if (before && before.start.step === step.id && before.end) {
      outcome = before.end;
      ctx.trail.say(`↷ ${step.title}: already done before the interruption (${before.end.result}: ${before.end.summary})`);
    } else {
      const started = performance.now();
      if (before && before.start.step === step.id && unsafeToRepeat(step)) {
        const prompt = `"${step.title}" was started at ${before.start.at} by ${before.start.who} but never recorded as finished; running it again may repeat its effect.`;
        const answer = await ctx.operator.choose(prompt, [
          { label: 'Run it again', value: 'again' }, { label: 'Treat it as done and continue', value: 'done' }, { label: 'Abort the run', value: 'abort' },
        ]);
        ctx.trail.seq = seq;
        ctx.trail.step = step.id;
        ctx.trail.answer(prompt, answer ?? 'no answer');
        if (answer !== 'again' && answer !== 'done') return { outcome: 'aborted', message: `stopped at "${step.title}": it was interrupted and repeating it needs an operator's decision` };
        outcome = answer === 'done'
          ? (ctx.trail.stepStart(seq, step, 1), { result: 'pass', summary: 'treated as done by the operator after the interruption', next: step.on_pass })
          : await runStep(step, seq, ctx);
      } else {
        const gate = ctx.operator.steps ? await ctx.operator.steps.before(step, seq) : 'run';
        if (gate === 'abort') return abortBefore(step, seq, ctx);
        outcome = gate === 'skip' ? skipStep(step, seq, ctx) : await runStep(step, seq, ctx);
        while (gate === 'run' && ctx.operator.steps && (await ctx.operator.steps.after(step, seq, outcome)) === 'retry') {
          ctx.trail.answer(`"${step.title}" ended ${outcome.result}: ${outcome.summary}`, 'retry');
          outcome = await runStep(step, seq, ctx);
        }
      }
      ctx.trail.stepEnd(seq, step.id, { ...outcome, durationMs: Math.round(performance.now() - started) });
    }
    if (outcome.next === ABORT) return { outcome: 'aborted', message: `aborted by the operator at "${step.title}"` };
    if (outcome.next === 'end') break;
    if (outcome.next === 'fail') return { outcome: 'failed', message: `failed at "${step.title}": ${outcome.summary}` };
    index = outcome.next === 'next' ? index + 1 : runbook.steps.findIndex((s) => s.id === outcome.next);
  }
  return { outcome: 'succeeded', message: `${runbook.title}: all steps done` };
}

/** The operator skipped a step in the wizard: journaled as skipped, and the run goes on to the next one. */
function skipStep(step: Runbook['steps'][number], seq: number, ctx: StepContext): StepOutcome {
  ctx.trail.stepStart(seq, step, 1);
  ctx.trail.answer(`run "${step.title}"?`, 'skipped');
  return { result: 'skipped', summary: 'skipped by the operator', next: 'next' };
}

function abortBefore(step: Runbook['steps'][number], seq: number, ctx: StepContext): { outcome: RunOutcome; message: string } {
  ctx.trail.seq = seq;
  ctx.trail.step = step.id;
  ctx.trail.answer(`run "${step.title}"?`, 'aborted');
  return { outcome: 'aborted', message: `aborted by the operator before "${step.title}"` };
}
