import React from 'react';
import { describe, it, expect } from 'vitest';
import { App } from '../views/App';
import { CockpitContext } from '../views/context';
import { initialUi } from '../views/ui-state';
import { renderSized } from './harness/ink';
import { cockpitWith, instance } from './harness/cockpit';
import { makeLine } from '../src/logs/line';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a key press', () => {
  it('opens and closes the help in one frame each: the panes beneath are not drawn again for it', async () => {
    const cockpit = cockpitWith(['api', 'worker', 'db'].map((service) => instance({ service, startedAt: Date.now() - 30 * 60_000 })));
    cockpit.feed.push([makeLine({ seq: 1, ts: Date.now() * 1000, service: 'api', container: 'api-1', stream: 'stdout', text: 'GET /health 200', truncatedBytes: 0 })]);
    const view = renderSized(<CockpitContext.Provider value={cockpit}><App initial={initialUi()} /></CockpitContext.Provider>, 200, 30);
    try {
      await view.waitForFrame((f) => f.includes('GET /health 200') && f.includes('ml-db-1'), 'the panes');
      await sleep(300);
      for (const [key, shown] of [['?', 'Keys'], ['?', 'CONTAINER']] as const) {
        const drawn = view.frames();
        await view.press(key);
        await view.waitForFrame((f) => f.includes(shown), shown);
        await sleep(300); // a second frame from React drawing the hidden panes again would come now
        expect(view.frames() - drawn).toBe(1);
      }
    } finally {
      view.unmount();
    }
  });
});
