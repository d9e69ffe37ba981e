import { describe, it, expect } from 'vitest';
import { sanitize, stripSgr } from '../src/text/sanitize';
import { LineSplitter } from '../src/text/lines';

// Anything that could reach the terminal and change it, besides plain text and colour.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

describe('sanitising container output', () => {
  it('keeps colour (SGR) and plain text', () => {
    expect(sanitize('\x1b[31mred\x1b[0m and \x1b[1;32mbold green\x1b[m')).toBe('\x1b[31mred\x1b[0m and \x1b[1;32mbold green\x1b[m');
  });

  it('drops colour too when colour is off', () => {
    expect(sanitize('\x1b[31mred\x1b[0m', { keepColor: false })).toBe('red');
    expect(stripSgr('\x1b[38;5;196mx\x1b[0m')).toBe('x');
  });

  const corpus: [string, string, string][] = [
    ['OSC window title (BEL)', 'a\x1b]0;pwned\x07b', 'ab'],
    ['OSC window title (ST)', 'a\x1b]2;pwned\x1b\\b', 'ab'],
    ['OSC 52 clipboard write', 'a\x1b]52;c;ZXZpbA==\x07b', 'ab'],
    ['OSC 8 hyperlink', '\x1b]8;;http://evil\x07link\x1b]8;;\x07', 'link'],
    ['cursor movement', 'a\x1b[10;10Hb\x1b[2Ac', 'abc'],
    ['screen clear', 'a\x1b[2J\x1b[3Jb', 'ab'],
    ['alternate screen switch', 'a\x1b[?1049hb\x1b[?1049lc', 'abc'],
    ['DCS sequence', 'a\x1bPq#0;2;0;0;0#1\x1b\\b', 'ab'],
    ['APC and PM strings', 'a\x1b_hidden\x1b\\b\x1b^pm\x1b\\c', 'abc'],
    ['bell', 'ding\x07dong', 'dingdong'],
    ['backspace overwrite', 'safe\x08\x08\x08\x08evil', 'safeevil'],
    ['carriage return overwrite', 'rm -rf /\rls', 'rm -rf /ls'],
    ['C1 CSI (8-bit)', 'a\u009b2Jb', 'ab'],
    ['C1 OSC (8-bit)', 'a\u009d0;t\u0007b', 'ab'],
    ['lone ESC at the end', 'text\x1b', 'text'],
    ['charset switch (nF)', 'a\x1b(0b', 'ab'],
    ['SGR with a private marker is not colour', 'a\x1b[>4;2mb', 'ab'],
    ['bidi override', 'abc\u202edef\u202c', 'abcdef'],
    ['DEL and NUL', 'a\x7fb\x00c', 'abc'],
  ];
  for (const [name, input, expected] of corpus) {
    it(`drops ${name}`, () => {
      const out = sanitize(input);
      expect(out).toBe(expected);
      expect(out).not.toMatch(CONTROL);
    });
  }

  it('turns tabs into spaces so columns stay put', () => {
    expect(sanitize('a\tb', { tabWidth: 2 })).toBe('a  b');
  });

  it('refuses an absurdly long SGR (a way to smuggle bytes)', () => {
    const long = `\x1b[${'1;'.repeat(100)}m`;
    expect(sanitize(`a${long}b`)).toBe('ab');
  });
});

describe('splitting a byte stream into lines', () => {
  it('joins lines split across chunks and strips CR', () => {
    const splitter = new LineSplitter();
    expect(splitter.push(Buffer.from('hel'))).toEqual([]);
    expect(splitter.push(Buffer.from('lo\r\nwor'))).toEqual([{ text: 'hello', truncatedBytes: 0 }]);
    expect(splitter.push(Buffer.from('ld\n'))).toEqual([{ text: 'world', truncatedBytes: 0 }]);
    expect(splitter.flush()).toEqual([]);
  });

  it('replaces invalid UTF-8 with U+FFFD and keeps valid multibyte text', () => {
    const splitter = new LineSplitter();
    const euro = Buffer.from('€', 'utf8');
    const [line] = splitter.push(Buffer.concat([Buffer.from([0x61, 0xff, 0xfe, 0x62, 0x20]), euro.subarray(0, 2)]));
    expect(line).toBeUndefined();
    const [done] = splitter.push(Buffer.concat([euro.subarray(2), Buffer.from('\n')]));
    expect(done.text).toBe('a\ufffd\ufffdb €');
  });

  it('cuts a 1 MB line to the limit and says how much was cut, without holding it all', () => {
    const splitter = new LineSplitter(1024);
    const chunk = Buffer.alloc(64 * 1024, 0x78);
    const out = [];
    for (let i = 0; i < 16; i++) out.push(...splitter.push(chunk));
    out.push(...splitter.push(Buffer.from('\nnext\n')));
    expect(out).toHaveLength(2);
    expect(out[0].text).toHaveLength(1024);
    expect(out[0].truncatedBytes).toBe(16 * 64 * 1024 - 1024);
    expect(out[1]).toEqual({ text: 'next', truncatedBytes: 0 });
  });

  it('hands out an unterminated last line when the stream ends', () => {
    const splitter = new LineSplitter();
    splitter.push(Buffer.from('no newline'));
    expect(splitter.flush()).toEqual([{ text: 'no newline', truncatedBytes: 0 }]);
  });
});
