import type { HttpCheckSpec } from './types';
import { parseExpectation, type Expectation } from './json-expectation';
import { checkExpectation, fieldText, isMissing, valueAt } from './json-evaluate';
import { messageOf } from './words';

export interface JsonJudgement {
  error?: string;
  fields?: Record<string, string>;
  /** A server's own explanation (FastAPI's "detail", or "error"/"message"), for HTTP errors. */
  detail?: string;
}

const compiled = new Map<string, Expectation | string>();

/** Parses once per distinct text; a syntax error is kept as its message. */
function compile(source: string): Expectation | string {
  let entry = compiled.get(source);
  if (entry === undefined) {
    try {
      entry = parseExpectation(source);
    } catch (err) {
      entry = messageOf(err);
    }
    compiled.set(source, entry);
  }
  return entry;
}

export function judgeJsonBody(spec: HttpCheckSpec, response: { contentType: string; body: Buffer }): JsonJudgement {
  const wantsJson = spec.json.length > 0 || spec.fields.length > 0;
  const mediaType = response.contentType.split(';')[0].trim().toLowerCase();
  const looksJson = mediaType.endsWith('json');
  if (!wantsJson && !looksJson) return {};
  if (wantsJson && mediaType !== '' && !looksJson) return { error: `expected JSON, got ${mediaType}` };
  let body: unknown;
  try {
    body = JSON.parse(response.body.toString('utf8'));
  } catch (err) {
    return wantsJson ? { error: `body is not valid JSON (${messageOf(err)})` } : {};
  }
  const judgement: JsonJudgement = { detail: serverDetail(body) };
  if (spec.fields.length > 0) judgement.fields = pickFields(body, spec.fields);
  for (const source of spec.json) {
    const expectation = compile(source);
    const failure = typeof expectation === 'string' ? expectation : checkExpectation(body, expectation);
    if (failure) {
      judgement.error = failure;
      break;
    }
  }
  return judgement;
}

function pickFields(body: unknown, paths: string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const path of paths) {
    const value = valueAt(body, path.split('.').map((step) => (/^\d+$/.test(step) ? Number(step) : step)));
    if (!isMissing(value)) fields[path] = fieldText(value);
  }
  return fields;
}

function serverDetail(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  for (const key of ['detail', 'error', 'message']) {
    if (typeof record[key] === 'string') return (record[key] as string).slice(0, 200);
  }
  return undefined;
}
