// Checks a runbook's internal references: step ids are unique, branches and `verify` point at
// existing steps, and every {{parameter}} used is declared. Issues carry paths, so they get LINE:COL.
import type { z } from 'zod';
import { PARAM_REF, SPECIAL_TARGETS } from './schema-common';

interface StepLike {
  id: string;
  kind: string;
  on_pass: string;
  on_fail: string;
  verify?: string[];
  choices?: { goto: string; default: boolean }[];
}

interface RunbookLike {
  scope?: string;
  parameters: Record<string, unknown>;
  steps: StepLike[];
}

export function checkCrossReferences(runbook: RunbookLike, ctx: z.RefinementCtx): void {
  const kinds = new Map<string, string>();
  runbook.steps.forEach((step, index) => {
    if (kinds.has(step.id)) ctx.addIssue({ code: 'custom', path: ['steps', index, 'id'], message: `duplicate step id "${step.id}"` });
    kinds.set(step.id, step.kind);
  });
  const target = (value: string, path: (string | number)[]) => {
    if (!(SPECIAL_TARGETS as readonly string[]).includes(value) && !kinds.has(value)) {
      ctx.addIssue({ code: 'custom', path, message: `no step "${value}"; expected a step id or one of ${SPECIAL_TARGETS.join(', ')}` });
    }
  };
  runbook.steps.forEach((step, index) => {
    target(step.on_pass, ['steps', index, 'on_pass']);
    target(step.on_fail, ['steps', index, 'on_fail']);
    step.choices?.forEach((choice, c) => target(choice.goto, ['steps', index, 'choices', c, 'goto']));
    if (step.choices && step.choices.filter((c) => c.default).length > 1) {
      ctx.addIssue({ code: 'custom', path: ['steps', index, 'choices'], message: 'at most one choice can be the default' });
    }
    step.verify?.forEach((id, v) => {
      if (kinds.get(id) !== 'check') ctx.addIssue({ code: 'custom', path: ['steps', index, 'verify', v], message: `"${id}" is not a check step of this runbook` });
    });
  });
  const declared = new Set(Object.keys(runbook.parameters));
  const visit = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string') {
      for (const match of value.matchAll(PARAM_REF)) {
        if (!declared.has(match[1])) ctx.addIssue({ code: 'custom', path, message: `unknown parameter "${match[1]}"; declare it under parameters` });
      }
    } else if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...path, i]));
    else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
  };
  visit(runbook.steps, ['steps']);
  if (runbook.scope) visit(runbook.scope, ['scope']);
}
