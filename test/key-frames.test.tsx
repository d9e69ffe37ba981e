import React from 'react';
import { describe, it, expect } from 'vitest';
import { App } from '../views/App';
import { CockpitContext, type Cockpit } from '../views/context';
import { initialUi } from '../views/ui-state';
import { renderSized } from './harness/ink';
import { cockpitWith, instance } from './harness/cockpit';
import { makeLine } from '../src/logs/line';
import { parseConfig } from '../src/config/load';
import { HealthSource } from '../src/health/health-source';
import { dockerHealthFrom } from '../src/health/docker-health';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const stack = () => ['api', 'worker', 'db'].map((service) => instance({ service, startedAt: Date.now() - 30 * 60_000, health: 'healthy' }));

/** Opens and closes the help twice; the frames each key brought. A second frame would be React drawing the hidden views again. */
async function helpKeys(cockpit: Cockpit, shown: string): Promise<number[]> {
  cockpit.feed.push([makeLine({ seq: 1, ts: Date.now() * 1000, service: 'api', container: 'api-1', stream: 'stdout', text: 'GET /health 200', truncatedBytes: 0 })]);
  const view = renderSized(<CockpitContext.Provider value={cockpit}><App initial={initialUi()} /></CockpitContext.Provider>, 200, 30);
  try {
    await view.waitForFrame((f) => f.includes('GET /health 200') && f.includes(shown), 'the panes');
    await sleep(300);
    const frames = [];
    for (const expected of ['Keys', 'CONTAINER', 'Keys', 'CONTAINER']) {
      const drawn = view.frames();
      await view.press('?');
      await view.waitForFrame((f) => f.includes(expected), expected);
      await sleep(300);
      frames.push(view.frames() - drawn);
    }
    return frames;
  } finally {
    view.unmount();
  }
}

describe('a key press', () => {
  it('opens and closes the help in one frame each: the panes beneath are not drawn again for it', async () => {
    expect(await helpKeys(cockpitWith(stack()), 'ml-db-1')).toEqual([1, 1, 1, 1]);
  });

  it('does so with the panes side by side too', async () => {
    const base = cockpitWith(stack());
    const { checks } = parseConfig('checks:\n  - { name: api-container, service: api, type: docker, container: api, interval: 1h }\n', 'opsdeck.yaml');
    const health = new HealthSource({ checks, appState: base.state, batchMs: 0, dockerHealth: dockerHealthFrom({ instances: () => base.state.get().instances }) });
    health.open();
    try {
      const [open, close, openAgain, closeAgain] = await helpKeys({ ...base, health }, 'api-container');
      expect([open, openAgain]).toEqual([1, 1]);
      // Closing may bring one more: the health pane's clock, stopped while hidden, catching up.
      expect([close, closeAgain].every((n) => n <= 2)).toBe(true);
    } finally {
      await health.close();
    }
  });
});
