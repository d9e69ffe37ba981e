// `--dry-run`: every step in order, with exactly what each action would do. Nothing is run,
// probed or written; secrets are shown as ***.
import type { Runbook, Step } from '../schema';
import type { ActionExecutor, ExecutorRegistry } from './types';
import { describeProbe } from '../probes/describe';
import { confirmationTarget } from './steps';

export function renderDryRun(runbook: Runbook, executors: ExecutorRegistry, resolve: <T>(value: T) => T): string[] {
  const lines = [`${runbook.id}: ${runbook.title} (${runbook.severity}) — dry run, nothing will be changed`];
  runbook.steps.forEach((step, index) => {
    lines.push(`${index + 1}. [${step.kind}] ${step.id}: ${step.title}`);
    lines.push(...renderStep(step, runbook, executors, resolve).map((line) => `   ${line}`));
  });
  return lines;
}

function renderStep(step: Step, runbook: Runbook, executors: ExecutorRegistry, resolve: <T>(value: T) => T): string[] {
  const branches = `on pass → ${step.on_pass}, on fail → ${step.on_fail}${step.retries ? `, ${step.retries} retries` : ''}, timeout ${step.timeout} ms`;
  switch (step.kind) {
    case 'check': return [`probe: ${describeProbe(resolve(step.probe))}`, branches];
    case 'manual': return [`operator confirms: ${resolve(step.instruction)}`, branches];
    case 'decision': return [`operator chooses: ${resolve(step.question)}`, ...step.choices.map((c) => `- ${c.label} → ${c.goto}${c.default ? ' (default)' : ''}`)];
    case 'action': {
      const action = resolve(step.action);
      const flags = [
        step.needs_review && 'NEEDS REVIEW: will not run until reviewed',
        step.destructive && (runbook.severity === 'P0' ? `destructive: the operator types "${confirmationTarget(action, runbook)}" to confirm` : 'destructive: asks for confirmation'),
        step.verify.length && `verified by: ${step.verify.join(', ')}`,
      ].filter(Boolean) as string[];
      return [`would: ${(executors[action.type] as ActionExecutor).render(action)}`, ...flags, branches];
    }
  }
}
