// Expectations on a JSON body, one per string: `model_loaded == true`,
// `status in [healthy, ok]`, `queue.depth < 100`, `model_version != null`.

export type Literal = string | number | boolean | null;
export type Operator = '==' | '!=' | '<' | '>' | '<=' | '>=' | 'in';

export interface Expectation {
  source: string;
  path: (string | number)[];
  op: Operator;
  expected: Literal | Literal[];
  /** The right-hand side as written, for messages. */
  expectedText: string;
}

export class ExpectationSyntaxError extends Error {
  override name = 'ExpectationSyntaxError';
}

const OPERATORS: Operator[] = ['==', '!=', '<=', '>=', '<', '>', 'in'];
const PATH = /^[A-Za-z_$][\w$-]*(?:\.[\w$-]+|\[\d+\])*/;

export function parseExpectation(source: string): Expectation {
  const fail = (why: string): never => {
    throw new ExpectationSyntaxError(`bad expectation "${source}": ${why}`);
  };
  const text = source.trim();
  const pathText = PATH.exec(text)?.[0];
  if (!pathText) return fail('expected a field path such as model_loaded or queue.depth at the start');
  const rest = text.slice(pathText.length).trimStart();
  const op = OPERATORS.find((candidate) => rest.startsWith(candidate) && (candidate !== 'in' || /^in[\s[]/.test(rest)));
  if (!op) return fail(`expected an operator (${OPERATORS.join(', ')}) after "${pathText}"`);
  const expectedText = rest.slice(op.length).trim();
  if (expectedText === '') fail(`expected a value after "${op}"`);
  let expected: Literal | Literal[];
  if (op === 'in') {
    if (!expectedText.startsWith('[') || !expectedText.endsWith(']')) fail('"in" needs a list such as [healthy, ok]');
    expected = splitList(expectedText.slice(1, -1), fail).map((item) => parseLiteral(item, fail));
  } else {
    expected = parseLiteral(expectedText, fail);
    if (op.length === 1 || op === '<=' || op === '>=') {
      if (typeof expected !== 'number') fail(`"${op}" compares numbers, got ${expectedText}`);
    }
  }
  return { source, path: parsePath(pathText), op, expected, expectedText };
}

function parsePath(text: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    out.push(part[2] !== undefined ? Number(part[2]) : part[1]);
  }
  return out;
}

function splitList(inner: string, fail: (why: string) => never): string[] {
  const items: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (const ch of inner) {
    if (quote) {
      current += ch;
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
    } else if (ch === ',') {
      items.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (quote) fail('a quoted value in the list is not closed');
  items.push(current.trim());
  if (items.some((item) => item === '')) fail('the list has an empty item');
  return items;
}

function parseLiteral(text: string, fail: (why: string) => never): Literal {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === 'null') return null;
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) return Number(text);
  const quote = text[0];
  if (quote === '"' || quote === "'") {
    if (text.length < 2 || text[text.length - 1] !== quote) fail(`unclosed quote in ${text}`);
    return text.slice(1, -1);
  }
  if (/[\s"'[\],]/.test(text)) fail(`quote the value ${text} if it holds spaces, quotes, brackets or commas`);
  return text;
}
