// Run as a bundle built like dist/ (Ink with our dependency patches) by test/key-frames.test.ts:
// an Ink app with its frame throttle held open, to see which updates are drawn at once.
// Prints one JSON line: whether each update's frame was written within one turn of the event loop.
import React, { useState } from 'react';
import { render, Text, useInput } from 'ink';
import { KeyboardStdin } from './ink';
import { FakeTerminal } from './diffed-ink';

let setCount: (n: number) => void = () => undefined;
function Counter() {
  const [count, set] = useState(0);
  const [keys, setKeys] = useState('');
  setCount = set;
  useInput((input) => setKeys((k) => k + input));
  return <Text>{`count ${count} keys ${keys || '-'}`}</Text>;
}

const turn = () => new Promise((resolve) => setImmediate(resolve));
const stdout = new FakeTerminal(40, 5);
const stdin = new KeyboardStdin();
// One frame per 100 s: any frame the throttle holds back stays held for the whole test.
const ink = render(<Counter />, { stdout: stdout as never, stdin: stdin as never, maxFps: 0.01, interactive: true, exitOnCtrlC: false, patchConsole: false });
await turn();
const drawn = (text: string) => stdout.since(0).includes(text);
const first = drawn('count 0 keys -');
setCount(1);
await turn();
const dataAtOnce = drawn('count 1');
stdin.write('x');
await turn();
const keyAtOnce = drawn('count 1 keys x');
process.stdout.write(`${JSON.stringify({ first, dataAtOnce, keyAtOnce })}\n`);
ink.unmount();
process.exit(0);
