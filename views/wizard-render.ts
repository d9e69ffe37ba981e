// What each step of a runbook will do, in the executors' own dry-run words, with the run's
// parameters filled in. ${ENV} values stay as references: the screen never shows secrets.
import type { Runbook, Step } from '../src/runbooks/schema';
import type { ActionExecutor } from '../src/runbooks/engine/types';
import { defaultExecutors } from '../src/runbooks/executors/registry';
import { interpolate } from '../src/runbooks/engine/interpolate';
import { resolveParameters, type ParamValue } from '../src/runbooks/engine/params';
import { describeProbe } from '../src/runbooks/probes/describe';
import { confirmationTarget } from '../src/runbooks/engine/steps';

export interface StepText {
  /** The probe, command or question, exactly as the engine will run or ask it. */
  what: string;
  /** Extra lines: destructive, needs review, verification, branches. */
  flags: string[];
}

/** Parameter values with secrets masked; throws ParameterError for bad values. */
export function shownParams(runbook: Runbook, given: Record<string, string>): Record<string, ParamValue> {
  const resolved = resolveParameters(runbook, given);
  return Object.fromEntries(Object.entries(resolved.values).map(([k, v]) => [k, runbook.parameters[k]?.secret ? '***' : v]));
}

export function stepText(step: Step, runbook: Runbook, params: Record<string, ParamValue>): StepText {
  const env = new Proxy({}, { get: (_t, name: string) => `\${${name}}` }) as Record<string, string>;
  const fill = <T>(value: T): T => interpolate(value, { params, env, onSecret: () => undefined });
  const branches = step.kind === 'decision' ? [] : [`pass → ${step.on_pass} · fail → ${step.on_fail}${step.retries ? ` · ${step.retries} retries` : ''}`];
  switch (step.kind) {
    case 'check': return { what: `probe: ${describeProbe(fill(step.probe))}`, flags: branches };
    case 'manual': return { what: fill(step.instruction), flags: branches };
    case 'decision': return { what: fill(step.question), flags: step.choices.map((c, i) => `${i + 1}) ${c.label} → ${c.goto}`) };
    case 'action': {
      const action = fill(step.action);
      const flags = [
        step.needs_review ? 'NEEDS REVIEW: the engine refuses to run it' : '',
        step.destructive ? (runbook.severity === 'P0' ? `destructive: type "${confirmationTarget(action, runbook)}" to confirm` : 'destructive: asks for confirmation') : '',
        step.verify.length ? `verified by: ${step.verify.join(', ')}` : '',
      ].filter(Boolean);
      return { what: `$ ${(defaultExecutors[action.type] as ActionExecutor).render(action)}`, flags: [...flags, ...branches] };
    }
  }
}
