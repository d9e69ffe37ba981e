// Where the timed keys of bench:frames spent their CPU: a --cpu-prof profile cut down to the
// windows KEY_WINDOWS wrote, as self time and inclusive time per function.
//   FORCE_COLOR=3 KEY_WINDOWS=/tmp/keys.json ONLY=close node bench/frame-micro.mjs \
//     --max-semi-space-size=4 --min-semi-space-size=4 --heap-growing-percent=20 --cpu-prof --cpu-prof-dir=/tmp/prof --cpu-prof-interval=100
//   node bench/key-profile.mjs /tmp/prof/*.cpuprofile /tmp/keys.json [rows]
import { readFileSync } from 'node:fs';

const [profileFile, windowsFile, rows = '30'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(profileFile, 'utf8'));
const windows = JSON.parse(readFileSync(windowsFile, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
const name = (n) => `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber + 1}`;

const self = new Map();
const inclusive = new Map();
let total = 0;
let t = profile.startTime;
for (let i = 0, w = 0; i < profile.samples.length; i++) {
  t += profile.timeDeltas[i];
  while (w < windows.length && windows[w][1] < t) w++;
  if (w === windows.length) break;
  if (t < windows[w][0]) continue;
  const us = profile.timeDeltas[i + 1] ?? 0;
  const node = nodes.get(profile.samples[i]);
  total += us;
  self.set(name(node), (self.get(name(node)) ?? 0) + us);
  const seen = new Set();
  for (let id = node.id; id !== undefined; id = parent.get(id)) {
    const key = name(nodes.get(id));
    if (!seen.has(key)) { seen.add(key); inclusive.set(key, (inclusive.get(key) ?? 0) + us); }
  }
}
const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, Number(rows))
  .map(([key, us]) => `${(us / 1000).toFixed(1).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`).join('\n');
console.log(`${windows.length} keys, ${(total / 1000).toFixed(0)} ms in them, ${(total / 1000 / windows.length).toFixed(2)} ms a key`);
console.log(`self:\n${top(self)}\ninclusive:\n${top(inclusive)}`);
