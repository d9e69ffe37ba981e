// Runs one step of each kind and says where the run goes next. Journaling of the step's end and
// the branching itself are the engine's; confirmations and answers are journaled here.
import type { ActionStep, CheckStep, DecisionStep, ManualStep, Probe, Runbook, Step } from '../schema';
import type { VerifyResult } from './run-journal';
import type { RunTrail, StepEnd } from './trail';
import type { ActionExecutor, ActionResult, ContainerRuntime, ExecutorRegistry, OffsetResetter, Operator, ProbeOutcome, Prober } from './types';
import { failureText, formatMs, withAttempts } from './attempts';
import type { Action } from '../schema';

/** Not a step id (ids cannot contain "!"): the operator aborted. */
export const ABORT = 'abort!';

export interface StepContext {
  runbook: Runbook;
  trail: RunTrail;
  operator: Operator;
  prober: Prober;
  executors: ExecutorRegistry;
  runtime?: ContainerRuntime;
  offsets?: OffsetResetter;
  /** Fills {{parameters}} and ${ENV}. */
  resolve<T>(value: T): T;
}

export type StepOutcome = Omit<StepEnd, 'durationMs'>;

export async function runStep(step: Step, seq: number, ctx: StepContext): Promise<StepOutcome> {
  switch (step.kind) {
    case 'check': ctx.trail.stepStart(seq, step, 1); return runCheck(step, ctx);
    case 'action': return runAction(step, seq, ctx);
    case 'manual': ctx.trail.stepStart(seq, step, 1); return runManual(step, ctx);
    case 'decision': ctx.trail.stepStart(seq, step, 1); return runDecision(step, ctx);
  }
}

async function probeWithAttempts(step: Step, probe: Probe, ctx: StepContext): Promise<{ value: ProbeOutcome; attempts: number }> {
  return withAttempts<ProbeOutcome>({
    timeoutMs: step.timeout, retries: step.retries, retryDelayMs: step.retry_delay, passed: (v) => v.pass,
    onRetry: (n, v) => ctx.trail.say(`  attempt ${n} failed: ${v.summary}; retrying in ${formatMs(step.retry_delay)}`),
  }, (signal) => ctx.prober.probe(probe, signal), (ms, error) => ({ pass: false, summary: failureText(error, ms) }));
}

async function runCheck(step: CheckStep, ctx: StepContext): Promise<StepOutcome> {
  const { value, attempts } = await probeWithAttempts(step, ctx.resolve(step.probe), ctx);
  return { result: value.pass ? 'pass' : 'fail', summary: value.summary, attempts, next: value.pass ? step.on_pass : step.on_fail };
}

/** Who a P0 operator must name to confirm: the service, the consumer group, else the runbook. */
export function confirmationTarget(action: Action, runbook: Runbook): string {
  if ('service' in action) return action.service;
  if (action.type === 'reset_offsets') return action.group;
  return runbook.id;
}

async function runAction(step: ActionStep, seq: number, ctx: StepContext): Promise<StepOutcome> {
  const action = ctx.resolve(step.action);
  const executor = ctx.executors[action.type] as ActionExecutor;
  const render = executor.render(action);
  ctx.trail.stepStart(seq, step, 1, render);
  if (step.needs_review) return { result: 'fail', summary: 'refused: this imported step has not been reviewed (needs_review: true)', next: 'fail' };
  if (step.destructive) {
    const target = confirmationTarget(action, ctx.runbook);
    const prompt = ctx.runbook.severity === 'P0' ? `${step.title}: type "${target}" to confirm` : `${step.title}?`;
    const ok = ctx.runbook.severity === 'P0' ? await ctx.operator.typeConfirm(`${prompt}\n${ctx.trail.redactor.text(render)}`, target) : await ctx.operator.confirm(prompt, ctx.trail.redactor.text(render));
    ctx.trail.answer(prompt, ok ? 'confirmed' : 'declined');
    if (!ok) return { result: 'skipped', summary: 'declined by the operator', next: ABORT };
  }
  const { value, attempts } = await withAttempts<ActionResult | Error>({
    timeoutMs: step.timeout, retries: step.retries, retryDelayMs: step.retry_delay, passed: (v) => !(v instanceof Error),
    onRetry: (n, v) => ctx.trail.say(`  attempt ${n} failed: ${(v as Error).message}; retrying in ${formatMs(step.retry_delay)}`),
  }, (signal) => executor.run(action, { signal, prober: ctx.prober, runtime: ctx.runtime, offsets: ctx.offsets }).catch((error: Error) => error),
  (ms, error) => new Error(failureText(error, ms)));
  if (value instanceof Error) return { result: 'fail', summary: value.message, attempts, next: step.on_fail };
  const checks = await verify(step, ctx);
  const failed = checks.filter((c) => !c.pass);
  const changes = [...(value.changes ?? []), ...(step.change ? [ctx.resolve(step.change)] : [])];
  const summary = failed.length ? `${value.summary}; verification failed: ${failed.map((c) => `${c.title}: ${c.summary}`).join('; ')}` : value.summary;
  return { result: failed.length ? 'fail' : 'pass', summary, attempts, changes, output: value.output, checks: checks.length ? checks : undefined, next: failed.length ? step.on_fail : step.on_pass };
}

async function verify(step: ActionStep, ctx: StepContext): Promise<VerifyResult[]> {
  const results: VerifyResult[] = [];
  for (const id of step.verify) {
    const check = ctx.runbook.steps.find((s): s is CheckStep => s.id === id && s.kind === 'check')!;
    const { value } = await probeWithAttempts(check, ctx.resolve(check.probe), ctx);
    ctx.trail.say(`  ${value.pass ? '✓' : '✗'} verify ${check.title}: ${value.summary}`);
    results.push({ step: id, title: check.title, pass: value.pass, summary: value.summary });
  }
  return results;
}

async function runManual(step: ManualStep, ctx: StepContext): Promise<StepOutcome> {
  const instruction = ctx.resolve(step.instruction);
  const ok = await ctx.operator.confirm(`${step.title}: ${instruction}`, 'Confirm when done.');
  ctx.trail.answer(instruction, ok ? 'done' : 'not done');
  return ok ? { result: 'pass', summary: 'confirmed by the operator', next: step.on_pass } : { result: 'fail', summary: 'the operator did not confirm', next: step.on_fail };
}

async function runDecision(step: DecisionStep, ctx: StepContext): Promise<StepOutcome> {
  const question = ctx.resolve(step.question);
  const picked = await ctx.operator.choose(question, step.choices.map((c, i) => ({ label: c.label, value: String(i), default: c.default })));
  const choice = picked === undefined ? undefined : step.choices[Number(picked)];
  ctx.trail.answer(question, choice?.label ?? 'aborted');
  if (!choice) return { result: 'skipped', summary: 'no choice made; run aborted', next: ABORT };
  return { result: 'pass', summary: `chose "${choice.label}"`, next: choice.goto };
}
