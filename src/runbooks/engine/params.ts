// Turns `--param k=v` strings into typed parameter values, with defaults and validation.
import type { Parameter, Runbook } from '../schema';

export type ParamValue = string | number | boolean;

export class ParameterError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ParameterError';
  }
}

export interface ResolvedParameters {
  values: Record<string, ParamValue>;
  /** Values of parameters flagged secret; redacted wherever they would be written. */
  secrets: string[];
}

export function resolveParameters(runbook: Runbook, given: Record<string, string>): ResolvedParameters {
  const problems: string[] = [];
  const values: Record<string, ParamValue> = {};
  const secrets: string[] = [];
  for (const name of Object.keys(given)) {
    if (!(name in runbook.parameters)) problems.push(`unknown parameter "${name}"; ${runbook.id} takes: ${Object.keys(runbook.parameters).join(', ') || 'none'}`);
  }
  for (const [name, spec] of Object.entries(runbook.parameters)) {
    const raw = given[name] ?? spec.default;
    if (raw === undefined) {
      problems.push(`parameter "${name}" is required${spec.description ? ` (${spec.description})` : ''}: pass --param ${name}=VALUE`);
      continue;
    }
    const result = convert(name, spec, String(raw));
    if (typeof result === 'object') problems.push(result.problem);
    else {
      values[name] = result;
      if (spec.secret && String(result) !== '') secrets.push(String(result));
    }
  }
  if (problems.length) throw new ParameterError(problems);
  return { values, secrets };
}

function convert(name: string, spec: Parameter, raw: string): ParamValue | { problem: string } {
  const bad = (why: string) => ({ problem: `parameter "${name}": ${why}, got ${spec.secret ? 'a secret value' : JSON.stringify(raw)}` });
  let value: ParamValue = raw;
  if (spec.type === 'integer' || spec.type === 'number') {
    value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value) || (spec.type === 'integer' && !Number.isInteger(value))) return bad(`expected ${spec.type === 'integer' ? 'a whole number' : 'a number'}`);
    if (spec.min !== undefined && value < spec.min) return bad(`expected at least ${spec.min}`);
    if (spec.max !== undefined && value > spec.max) return bad(`expected at most ${spec.max}`);
  } else if (spec.type === 'boolean') {
    if (!['true', 'false'].includes(raw)) return bad('expected true or false');
    value = raw === 'true';
  } else if (spec.type === 'url' && !/^https?:\/\/[^/\s]+/.test(raw)) {
    return bad('expected an http:// or https:// URL');
  }
  if (spec.pattern && !new RegExp(`^(?:${spec.pattern})$`).test(raw)) return bad(`expected to match ${spec.pattern}`);
  if (spec.choices && !spec.choices.includes(raw)) return bad(`expected one of ${spec.choices.join(', ')}`);
  return value;
}
