// Keys typed ahead of the screen (a fast typist, a slow SSH link) reach Ink as one chunk: "jj",
// "j\r", "/err\r". Ink cuts escape sequences and backspaces out of a chunk but leaves text, Enter
// and Tab together, so "j\r" would be one unknown key and both keys lost. This cuts a chunk into
// its keys; in a prompt, runs of text stay whole (a pasted pattern is one edit).
import type { Key } from 'ink';

const TYPED = /^[\x20-\x7e\r\t]+$/;
const EACH_KEY = /[\s\S]/g;
const TEXT_RUNS = /[\x20-\x7e]+|[\r\t]/g;

export function typedKeys(input: string, key: Key, keepTextRuns = false): [string, Key][] {
  if (input.length < 2 || key.ctrl || key.meta || !TYPED.test(input)) return [[input, key]];
  const plain: Key = { ...key, return: false, tab: false };
  return input.match(keepTextRuns ? TEXT_RUNS : EACH_KEY)!.map((part): [string, Key] =>
    part === '\r' ? ['', { ...plain, return: true }] : part === '\t' ? ['', { ...plain, tab: true }] : [part, plain]);
}
