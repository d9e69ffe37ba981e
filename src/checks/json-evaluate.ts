import type { Expectation, Literal } from './json-expectation';

const MISSING = Symbol('missing');

/** Follows a parsed path into a JSON value; MISSING when any step is absent. */
export function valueAt(body: unknown, path: (string | number)[]): unknown {
  let current: unknown = body;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return MISSING;
    const next = (current as Record<string | number, unknown>)[step];
    if (next === undefined) return MISSING;
    current = next;
  }
  return current;
}

export function isMissing(value: unknown): boolean {
  return value === MISSING;
}

/** undefined when met, else what was found, e.g. `model_loaded was false (expected == true)`. */
export function checkExpectation(body: unknown, exp: Expectation): string | undefined {
  const actual = valueAt(body, exp.path);
  const wanted = `(expected ${exp.op} ${exp.expectedText})`;
  if (actual === MISSING) return `${pathText(exp.path)} is missing ${wanted}`;
  if (meets(actual, exp)) return undefined;
  return `${pathText(exp.path)} was ${show(actual)} ${wanted}`;
}

function meets(actual: unknown, exp: Expectation): boolean {
  switch (exp.op) {
    case '==': return same(actual, exp.expected as Literal);
    case '!=': return !same(actual, exp.expected as Literal);
    case 'in': return (exp.expected as Literal[]).some((item) => same(actual, item));
    default: {
      if (typeof actual !== 'number') return false;
      const limit = exp.expected as number;
      if (exp.op === '<') return actual < limit;
      if (exp.op === '>') return actual > limit;
      if (exp.op === '<=') return actual <= limit;
      return actual >= limit;
    }
  }
}

function same(actual: unknown, literal: Literal): boolean {
  return actual === literal;
}

function pathText(path: (string | number)[]): string {
  return path.map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`)).join('');
}

/** A JSON value in a message: strings quoted, long values cut. */
export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** A field copied into a result: strings as they are, anything else as JSON. */
export function fieldText(value: unknown): string {
  return typeof value === 'string' ? value : show(value);
}
