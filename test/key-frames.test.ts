import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { cockpitBundle } from '../scripts/cockpit-bundle.mjs';

const outfile = 'node_modules/.cache/opsdeck-test/key-frame-app.mjs';
const node = existsSync('node_modules/.bin/node') ? 'node_modules/.bin/node' : process.execPath;

describe('frames after a key press (Ink as bundled in dist/)', () => {
  it('draws the frame of a key at once while data updates wait for the frame throttle', async () => {
    await build({ ...cockpitBundle, entryPoints: ['test/harness/key-frame-app.tsx'], outfile });
    const run = spawnSync(node, [outfile], { encoding: 'utf8', timeout: 20_000 });
    // Only what restore-cursor writes as the process exits: the cursor shown again.
    expect(run.stderr.replace('\x1b[?25h', '')).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ first: true, dataAtOnce: false, keyAtOnce: true });
  }, 30_000);
});
