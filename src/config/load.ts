// Loads opsdeck.yaml. Every problem is reported as FILE:LINE:COL with what was expected,
// so a typo never silently falls back to a default.
import { LineCounter, parseDocument, isMap, isPair, isScalar, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { configSchema, type Config } from './schema';
import { ConfigError, readConfigText } from './config-error';

export { ConfigError };

export function loadConfigFile(file: string): Config {
  return parseConfig(readConfigText(file), file);
}

export function parseConfig(text: string, file: string): Config {
  return parseYaml(configSchema, text, file);
}

/** Parses YAML `text` and validates it with `schema`; problems name FILE:LINE:COL. */
export function parseYaml<S extends z.ZodType>(schema: S, text: string, file: string): z.output<S> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return `${file}:${line}:${col}`;
  };
  if (doc.errors.length > 0) throw new ConfigError(doc.errors.map((e) => `${at(e.pos[0])}: ${e.message.split('\n')[0]}`));
  const result = schema.safeParse(doc.toJS() ?? {});
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((issue) => describeIssue(schema, issue, doc, at)).sort(byPosition));
}

function byPosition(a: string, b: string): number {
  const pos = (s: string) => (/:(\d+):(\d+): /.exec(s) ?? [0, 0, 0]).slice(1).map(Number);
  const [la, ca] = pos(a);
  const [lb, cb] = pos(b);
  return la - lb || ca - cb;
}

function describeIssue(schema: z.ZodType, issue: z.core.$ZodIssue, doc: Document, at: (offset: number) => string): string {
  const path = issue.path.map(String);
  const where = path.length ? path.join('.') : 'the top level';
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    const node = keyNode(doc, issue.path as (string | number)[], key);
    const allowed = allowedKeys(schema, issue.path as (string | number)[], doc.toJS());
    return `${at(node?.range?.[0] ?? 0)}: unknown key "${key}" in ${where}${allowed ? `; expected one of: ${allowed}` : ''}`;
  }
  const node = nearestNode(doc, issue.path as (string | number)[]);
  const got = node && isScalar(node) ? `, got ${JSON.stringify(node.value)}` : '';
  const message = issue.message.replace(/^Invalid input: /, '');
  return `${at(node?.range?.[0] ?? 0)}: ${where}: ${message}${message.includes(', got ') || message.includes('received') ? '' : got}`;
}

function nearestNode(doc: Document, path: (string | number)[]): Node | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
    if (node && typeof node === 'object' && 'range' in node) return node;
  }
  return doc.contents ?? undefined;
}

function keyNode(doc: Document, path: (string | number)[], key: string): Node | undefined {
  const map = path.length ? doc.getIn(path, true) : doc.contents;
  if (!isMap(map)) return undefined;
  const pair = map.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
  return (pair?.key as Node | undefined) ?? map;
}

function allowedKeys(schema: z.ZodType, path: (string | number)[], data: unknown): string | undefined {
  let shape: unknown = schema;
  let value = data;
  for (const part of path) {
    const current = unwrap(shape, value);
    value = (value as Record<string | number, unknown> | undefined)?.[part];
    shape = current?.shape?.[part] ?? (typeof part === 'number' ? current?.def?.element : current?.def?.valueType);
    if (!shape) return undefined;
  }
  const keys = Object.keys(unwrap(shape, value)?.shape ?? {});
  return keys.length ? keys.join(', ') : undefined;
}

interface SchemaLike {
  shape?: Record<string, SchemaLike>;
  def?: { innerType?: SchemaLike; element?: SchemaLike; valueType?: SchemaLike; in?: SchemaLike; options?: SchemaLike[]; discriminator?: string };
  _zod?: { values?: Set<unknown> };
}

/** The object schema under optional/default/pipe wrappers; for a discriminated union, the member `value` selects. */
function unwrap(schema: unknown, value: unknown): SchemaLike | undefined {
  let current = schema as SchemaLike | undefined;
  for (;;) {
    const def = current?.def;
    if (!current || current.shape || !def) return current;
    if (def.options && def.discriminator) {
      const tag = (value as Record<string, unknown> | undefined)?.[def.discriminator];
      current = def.options.find((option) => unwrap(option, undefined)?.shape?.[def.discriminator!]?._zod?.values?.has(tag));
    } else if (def.innerType || def.in) current = def.innerType ?? def.in;
    else return current;
  }
}
