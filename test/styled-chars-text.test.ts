// The patched Ink writes screen rows with styledCharsWriter instead of the library's
// styledCharsToString: the terminal must get exactly the bytes it got before, whatever the styles.
import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { ansiCodesToString, diffAnsiCodes, styledCharsFromTokens, styledCharsToString, tokenize } from '@alcalzone/ansi-tokenize';
import { styledCharsWriter } from '../src/terminal/styled-chars-text';

const chalk = new Chalk({ level: 3 });
const link = (url: string, text: string) => `\x1b]8;;${url}\x07${text}\x1b]8;;\x07`;
const styled = (text: string) => styledCharsFromTokens(tokenize(text));

const SAMPLES = [
  '',
  'plain row with no styles at all      ',
  `${chalk.cyan('│')}${chalk.bold.gray('  SERVICE   STATE')}${chalk.cyan('│')}`,
  `${chalk.inverse(`▸ api  ${chalk.green('running')}  healthy`)}   ${chalk.red('exited (137)')}`,
  `${chalk.bold('bold')}${chalk.dim('dim')}${chalk.bold.dim('both')}${chalk.bold('bold again')} end`,
  `${chalk.bgRed.white(' FAIL ')}${chalk.bgRed(' ')}${chalk.bgHex('#203040').hex('#ffcc00')('truecolour')}${chalk.ansi256(208)('256')}`,
  `${chalk.underline.italic.strikethrough('many at once')}${chalk.italic('italic')} ${link('https://example.test/run', chalk.blue('runbook'))} after`,
  `wide ${chalk.yellow('日本語')} and ${chalk.magenta('🚀 emoji')} cells`,
  `${chalk.red('red')}${chalk.reset(' reset ')}${chalk.green.bold('green bold')}\x1b[0m trailing`,
];

describe('screen rows written without the library\'s garbage', () => {
  const write = styledCharsWriter(diffAnsiCodes, ansiCodesToString);

  it('gives the same text as styledCharsToString for every kind of style the cockpit draws', () => {
    for (const sample of SAMPLES) expect(JSON.stringify(write(styled(sample)))).toBe(JSON.stringify(styledCharsToString(styled(sample))));
  });

  it('gives the same text for rows cut and stitched from several writes, as Ink composes a screen row', () => {
    let seed = 7;
    const random = (n: number) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
    for (let round = 0; round < 500; round++) {
      const row = Array.from({ length: 1 + random(6) }, () => {
        const chars = styled(SAMPLES[random(SAMPLES.length)]!);
        return chars.slice(random(Math.max(1, chars.length)));
      }).flat();
      // The same answer the second time: the remembered changes of style must not leak between rows.
      expect(write(row)).toBe(styledCharsToString(row));
      expect(write(row)).toBe(styledCharsToString(row));
      // Cells nothing was written to: Ink's rows have holes, which it filtered out before.
      const holed = [...row];
      holed.length += 3;
      delete holed[random(holed.length)];
      expect(write(holed)).toBe(styledCharsToString(holed.filter((c) => c !== undefined)));
    }
    expect(write(new Array(5))).toBe('');
  });
});
