// Ink turns every screen row, an array of styled characters, back into text with escape codes
// through @alcalzone/ansi-tokenize's styledCharsToString, which builds three sets and several
// arrays at every change of style and grows the string a character at a time. For a coloured
// row of 200 cells that is ~20 KB of garbage, and an idle cockpit's uptime tick redraws 20 of
// them every 2 s: most of what it leaves for the collector. This writes the same text with each
// change of style worked out once per pair of styles, and the row joined once.
// Ink's build is patched to use it (scripts/ink-frame-patches.mjs).

export interface AnsiCode {
  readonly code: string;
  readonly endCode: string;
}

export interface StyledChar<Code extends AnsiCode = AnsiCode> {
  readonly value: string;
  readonly styles: Code[];
}

/** Enough for every pair of styles a screen uses; a screen that uses more starts over. */
const MAX_CHANGES = 4096;

/** Returns styledCharsToString for the library's own diffAnsiCodes and ansiCodesToString. */
export function styledCharsWriter<Code extends AnsiCode>(diff: (from: Code[], to: Code[]) => Code[], codesText: (codes: Code[]) => string): (chars: readonly (StyledChar<Code> | undefined)[]) => string {
  const noStyles: Code[] = [];
  const changes = new Map<string, Map<string, string>>();
  let changeCount = 0;
  const change = (from: Code[], to: Code[]): string => {
    const fromKey = keyOf(from), toKey = keyOf(to);
    let byTo = changes.get(fromKey);
    if (byTo === undefined) changes.set(fromKey, (byTo = new Map()));
    let text = byTo.get(toKey);
    if (text === undefined) {
      if (++changeCount > MAX_CHANGES) { changes.clear(); changeCount = 1; changes.set(fromKey, byTo); }
      text = codesText(diff(from, to));
      byTo.set(toKey, text);
    }
    return text;
  };
  // Kept between rows at its longest, so a row allocates only its text.
  const parts: string[] = [];
  let used = 0;
  return (chars) => {
    let n = 0;
    let styles: Code[] | undefined;
    for (let i = 0; i < chars.length; i++) {
      const char = chars[i];
      // Ink's rows can have holes where nothing was written; its own code filtered them out first.
      if (char === undefined) continue;
      if (styles === undefined) parts[n++] = char.styles.length === 0 ? '' : codesText(char.styles);
      else if (char.styles !== styles && !sameStyle(styles, char.styles)) parts[n++] = change(styles, char.styles);
      styles = char.styles;
      parts[n++] = char.value;
    }
    if (styles === undefined) return '';
    parts[n++] = styles.length === 0 ? '' : change(styles, noStyles);
    for (let i = n; i < used; i++) parts[i] = '';
    used = n;
    if (parts.length > 4096 && n * 4 < parts.length) parts.length = n; // after one very long line
    return parts.join('');
  };
}

/** Codes are whole escape sequences, so their concatenation names a style unambiguously. */
function keyOf(styles: readonly AnsiCode[]): string {
  if (styles.length === 0) return '';
  if (styles.length === 1) return styles[0]!.code;
  let key = '';
  for (const code of styles) key += code.code;
  return key;
}

function sameStyle(from: readonly AnsiCode[], to: readonly AnsiCode[]): boolean {
  if (from.length !== to.length) return false;
  for (let i = 0; i < from.length; i++) if (from[i]!.code !== to[i]!.code || from[i]!.endCode !== to[i]!.endCode) return false;
  return true;
}
