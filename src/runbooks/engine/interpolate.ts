// Fills {{parameter}} and ${ENV} references in a step. Environment values are treated as
// secrets: they reach the command, never the journal or the report.
import { ENV_REF, PARAM_REF } from '../refs';
import type { ParamValue } from './params';

export interface Interpolation {
  params: Record<string, ParamValue>;
  env: Record<string, string | undefined>;
  /** Receives every ${ENV} value used, so it can be redacted. */
  onSecret(value: string): void;
}

const WHOLE_REF = /^\{\{\s*([A-Za-z_][\w-]*)\s*\}\}$/;

/** A title or label with its {{parameters}} filled where known (never ${ENV}: titles are shown and journaled). */
export function fillTitle(text: string, params: Record<string, ParamValue | string>): string {
  return text.replace(PARAM_REF, (ref, name: string) => (name in params ? String(params[name]) : ref));
}

export function interpolate<T>(value: T, ctx: Interpolation): T {
  if (typeof value === 'string') return interpolateString(value, ctx) as T;
  if (Array.isArray(value)) return value.map((item) => interpolate(item, ctx)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolate(item, ctx)])) as T;
  }
  return value;
}

function interpolateString(text: string, ctx: Interpolation): string | ParamValue {
  const whole = WHOLE_REF.exec(text);
  // A lone reference keeps the parameter's type, so `count: "{{count}}"` becomes a number.
  if (whole && whole[1] in ctx.params) return ctx.params[whole[1]];
  return text
    .replace(PARAM_REF, (_, name: string) => {
      if (!(name in ctx.params)) throw new Error(`unknown parameter {{${name}}}`);
      return String(ctx.params[name]);
    })
    .replace(ENV_REF, (_, name: string) => {
      const found = ctx.env[name];
      if (found === undefined) throw new Error(`environment variable ${name} is not set`);
      if (found !== '') ctx.onSecret(found);
      return found;
    });
}
