// Reading one sample line of the Prometheus text format 0.0.4:
//   name{label="value",...} value [timestamp]

export class LineError extends Error {}

const METRIC_NAME = /[a-zA-Z_:][a-zA-Z0-9_:]*/y;
const LABEL_NAME = /[a-zA-Z_][a-zA-Z0-9_]*/y;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export class LineReader {
  pos = 0;
  constructor(readonly text: string) {}

  done(): boolean {
    return this.pos >= this.text.length;
  }

  peek(): string {
    return this.text[this.pos] ?? '';
  }

  skipBlanks(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos++;
  }

  match(pattern: RegExp, what: string): string {
    pattern.lastIndex = this.pos;
    const found = pattern.exec(this.text);
    if (!found) throw new LineError(`expected ${what} at column ${this.pos + 1}, found ${this.describeHere()}`);
    this.pos += found[0].length;
    return found[0];
  }

  metricName(): string {
    return this.match(METRIC_NAME, 'a metric name');
  }

  expect(ch: string, after: string): void {
    if (this.peek() !== ch) throw new LineError(`expected "${ch}" after ${after}, found ${this.describeHere()}`);
    this.pos++;
  }

  /** The `{...}` part, when present. */
  labels(): Record<string, string> {
    const labels: Record<string, string> = {};
    if (this.peek() !== '{') return labels;
    this.pos++;
    for (;;) {
      this.skipBlanks();
      if (this.peek() === '}') break;
      const name = this.match(LABEL_NAME, 'a label name');
      if (name in labels) throw new LineError(`label "${name}" appears twice`);
      this.skipBlanks();
      this.expect('=', `label name "${name}"`);
      this.skipBlanks();
      this.expect('"', `${name}=`);
      labels[name] = this.quoted(name);
      this.skipBlanks();
      if (this.peek() === ',') this.pos++;
      else if (this.peek() !== '}') throw new LineError(`expected "," or "}" after the value of label "${name}", found ${this.describeHere()}`);
    }
    this.pos++;
    return labels;
  }

  private quoted(name: string): string {
    let value = '';
    for (;;) {
      if (this.done()) throw new LineError(`the value of label "${name}" has no closing quote`);
      const ch = this.text[this.pos++];
      if (ch === '"') return value;
      if (ch !== '\\') {
        value += ch;
        continue;
      }
      const escaped = this.text[this.pos++];
      if (escaped === '\\' || escaped === '"') value += escaped;
      else if (escaped === 'n') value += '\n';
      else throw new LineError(`invalid escape "\\${escaped ?? ''}" in the value of label "${name}"`);
    }
  }

  /** A whitespace-delimited word, or '' at the end of the line. */
  word(): string {
    this.skipBlanks();
    const start = this.pos;
    while (!this.done() && this.peek() !== ' ' && this.peek() !== '\t') this.pos++;
    return this.text.slice(start, this.pos);
  }

  private describeHere(): string {
    return this.done() ? 'the end of the line' : JSON.stringify(this.text.slice(this.pos, this.pos + 12));
  }
}

/** A sample value as Go's ParseFloat reads it: numbers, NaN, +Inf, -Inf (any case). */
export function parseSampleValue(text: string): number | undefined {
  if (NUMBER.test(text)) return Number(text);
  const lower = text.toLowerCase();
  if (lower === 'nan') return NaN;
  if (/^[+]?inf(inity)?$/.test(lower)) return Infinity;
  if (/^-inf(inity)?$/.test(lower)) return -Infinity;
  return undefined;
}
