import React from 'react';
import { describe, it, expect } from 'vitest';
import { App } from '../views/App';
import { CockpitContext, type Cockpit } from '../views/context';
import { initialUi } from '../views/ui-state';
import { LOG_FRAME_MS } from '../views/hooks';
import { makeLine } from '../src/logs/line';
import { renderSized } from './harness/ink';
import { cockpitWith, instance } from './harness/cockpit';

let seq = 0;
const land = (cockpit: Cockpit, text: string) => {
  cockpit.feed.push([makeLine({ seq: ++seq, ts: seq * 1000, service: 'api', container: 'api-1', stream: 'stdout', text, truncatedBytes: 0 })]);
  cockpit.feed.flush();
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('log lines and frames', () => {
  it('a flood of batches redraws the screen a few times a second, not once per batch, and ends on the newest line', async () => {
    const cockpit = cockpitWith([instance({ service: 'api' })]);
    const view = renderSized(<CockpitContext.Provider value={cockpit}><App initial={initialUi()} /></CockpitContext.Provider>, 120, 30);
    try {
      await view.waitForFrame((f) => f.includes('waiting for log lines'), 'empty logs pane');
      // The hidden help is built after the first frame, in a commit of its own (a frame here: the
      // test's Ink writes every commit); the count starts once that is done.
      await view.settled();
      const framesBefore = view.frames();
      const started = Date.now();
      let batches = 0;
      while (batches < 80) {
        land(cockpit, `flood line ${batches++}`);
        await sleep(5);
      }
      const elapsed = Date.now() - started;
      await view.waitForFrame((f) => f.includes(`flood line ${batches - 1}`), 'the newest line');
      const drawn = view.frames() - framesBefore;
      // One frame per LOG_FRAME_MS, plus the leading and the trailing one.
      expect(drawn).toBeLessThanOrEqual(Math.ceil(elapsed / LOG_FRAME_MS) + 2);
      // The flood's trailing frame can come late on a loaded machine: count once frames have stopped.
      await view.settled(LOG_FRAME_MS * 2);
      const quiet = view.frames();
      land(cockpit, 'a lone line after a quiet spell');
      await view.waitForFrame((f) => f.includes('a lone line after a quiet spell'), 'the lone line');
      expect(view.frames() - quiet).toBe(1);
    } finally {
      view.unmount();
    }
  });
});
