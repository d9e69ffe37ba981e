// The SGR "pen": which attributes and colours are in effect. A style is named by its key, the
// SGR parameters that set it from a reset ('' is the default style), so cells can hold the key
// and two cells look the same exactly when their keys are equal.

/** Attribute slots in key order, each with the parameter that turns it off. */
const SLOTS = [
  ['bold', '22'], ['dim', '22'], ['italic', '23'], ['underline', '24'], ['blink', '25'], ['inverse', '27'],
  ['hidden', '28'], ['strike', '29'], ['overline', '55'], ['fg', '39'], ['bg', '49'], ['underlineColor', '59'],
] as const;

type Slot = (typeof SLOTS)[number][0];
export type Style = Record<Slot, string>;

const ON: Record<string, Slot> = {
  1: 'bold', 2: 'dim', 3: 'italic', 4: 'underline', 21: 'underline', 5: 'blink', 6: 'blink', 7: 'inverse', 8: 'hidden', 9: 'strike', 53: 'overline',
};
const OFF: Record<string, Slot[]> = {
  22: ['bold', 'dim'], 23: ['italic'], 24: ['underline'], 25: ['blink'], 27: ['inverse'], 28: ['hidden'], 29: ['strike'], 55: ['overline'],
  39: ['fg'], 49: ['bg'], 59: ['underlineColor'],
};
const EXTENDED: Record<string, Slot> = { 38: 'fg', 48: 'bg', 58: 'underlineColor' };

export const DEFAULT_STYLE: Style = Object.freeze(Object.fromEntries(SLOTS.map(([slot]) => [slot, ''])) as Style);

export function styleKey(style: Style): string {
  let key = '';
  for (const [slot] of SLOTS) if (style[slot]) key += (key ? ';' : '') + style[slot];
  return key;
}

/** The pen after an SGR sequence with these parameters. Parameters it does not know are ignored. */
export function applySgr(pen: Style, params: string): Style {
  const next = { ...pen };
  const list = params.split(';');
  for (let i = 0; i < list.length; i++) {
    // Leading zeros (01;31) name the same parameter.
    const p = /^\d+$/.test(list[i]) ? String(Number(list[i])) : list[i];
    const n = Number(p);
    if (p === '' || p === '0') Object.assign(next, DEFAULT_STYLE);
    else if (p.includes(':')) {
      // Colon forms carry their own sub-parameters: 4:3 (curly underline), 38:2::r:g:b.
      const head = p.slice(0, p.indexOf(':'));
      if (head === '4') next.underline = p === '4:0' ? '' : p;
      else if (EXTENDED[head]) next[EXTENDED[head]] = p;
    } else if (ON[p]) next[ON[p]] = p;
    else if (OFF[p]) for (const slot of OFF[p]) next[slot] = '';
    else if ((n >= 30 && n <= 37) || (n >= 90 && n <= 97)) next.fg = p;
    else if ((n >= 40 && n <= 47) || (n >= 100 && n <= 107)) next.bg = p;
    else if (EXTENDED[p]) {
      const count = list[i + 1] === '5' ? 2 : list[i + 1] === '2' ? 4 : 0;
      if (count) next[EXTENDED[p]] = list.slice(i, i + 1 + count).join(';');
      i += count;
    }
  }
  return next;
}

const parsed = new Map<string, Style>();

/** The style a key names (keys are only ever made by styleKey, so they parse back exactly). */
export function styleOf(key: string): Style {
  let style = parsed.get(key);
  if (!style) {
    // Logs may bring many distinct colours: keep the cache from growing without bound.
    if (parsed.size > 4096) parsed.clear();
    style = applySgr(DEFAULT_STYLE, key);
    parsed.set(key, style);
  }
  return style;
}

/** The shorter of: the parameters that change only what differs, or a reset followed by the target. */
export function sgrTransition(fromKey: string, toKey: string): string {
  if (fromKey === toKey) return '';
  const reset = toKey ? `\x1b[0;${toKey}m` : '\x1b[m';
  if (!fromKey) return `\x1b[${toKey}m`;
  const from = styleOf(fromKey);
  const to = styleOf(toKey);
  const codes: string[] = [];
  // Bold and dim share their off code: turning either off turns both off.
  if ((from.bold && !to.bold) || (from.dim && !to.dim)) codes.push('22', to.bold, to.dim);
  else codes.push(from.bold ? '' : to.bold, from.dim ? '' : to.dim);
  for (const [slot, off] of SLOTS.slice(2)) if (from[slot] !== to[slot]) codes.push(to[slot] || off);
  const changed = `\x1b[${codes.filter(Boolean).join(';')}m`;
  return changed.length < reset.length ? changed : reset;
}

/** The style of cells an erase leaves behind: the pen's background only, as xterm and tmux do. */
export function eraseKey(pen: Style): string {
  return pen.bg;
}
