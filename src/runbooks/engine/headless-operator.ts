// The operator for `opsdeck run` outside the TUI. With --yes every confirmation, typed P0
// confirmation included, is given automatically and journaled as automatic; a decision takes its
// `default: true` choice (none: the run stops). Without --yes, questions are asked on `input`
// when it is a terminal, and declined when there is nobody to ask.
import { createInterface } from 'node:readline/promises';
import type { Choice, Operator } from './types';

export interface HeadlessOptions {
  yes: boolean;
  write(line: string): void;
  /** Where answers are read from; omitted (or not a TTY) means nobody can answer. */
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
  output?: NodeJS.WritableStream;
}

export class HeadlessOperator implements Operator {
  readonly auto: boolean;

  constructor(private readonly options: HeadlessOptions) {
    this.auto = options.yes;
  }

  note(text: string): void {
    this.options.write(text);
  }

  async confirm(prompt: string, detail?: string): Promise<boolean> {
    if (this.options.yes) return this.say(`${prompt}${detail ? `\n    ${detail}` : ''}\n    → yes (--yes)`, true);
    const answer = await this.ask(`${prompt}${detail ? `\n    ${detail}` : ''}\n    [y/N] `);
    return answer === undefined ? this.say(`${prompt}: declined (no terminal to ask; rerun with --yes)`, false) : /^y(es)?$/i.test(answer.trim());
  }

  async typeConfirm(prompt: string, expected: string): Promise<boolean> {
    if (this.options.yes) return this.say(`${prompt}\n    → "${expected}" (--yes)`, true);
    const answer = await this.ask(`${prompt}\n    > `);
    return answer === undefined ? this.say(`${prompt.split('\n')[0]}: declined (no terminal to ask; rerun with --yes)`, false) : answer.trim() === expected;
  }

  async choose(prompt: string, choices: Choice[]): Promise<string | undefined> {
    if (this.options.yes) {
      const picked = choices.find((c) => c.default);
      this.options.write(`${prompt}\n    → ${picked ? `${picked.label} (default, --yes)` : 'no default choice: an operator must decide'}`);
      return picked?.value;
    }
    const menu = choices.map((c, i) => `    ${i + 1}) ${c.label}`).join('\n');
    const answer = await this.ask(`${prompt}\n${menu}\n    choice: `);
    return choices[Number(answer?.trim()) - 1]?.value;
  }

  private say<T>(text: string, value: T): T {
    this.options.write(text);
    return value;
  }

  private async ask(question: string): Promise<string | undefined> {
    const { input, output } = this.options;
    if (!input?.isTTY) return undefined;
    const rl = createInterface({ input, output: output ?? process.stderr, terminal: true });
    try {
      return await rl.question(question);
    } finally {
      rl.close();
    }
  }
}
