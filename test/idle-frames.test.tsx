import React from 'react';
import { describe, it, expect } from 'vitest';
import { App } from '../views/App';
import { CockpitContext, type Cockpit } from '../views/context';
import { initialUi } from '../views/ui-state';
import { renderSized } from './harness/ink';
import { cockpitWith, instance } from './harness/cockpit';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sample = (cockpit: Cockpit, id: string, memBytes: number, cpuPercent = 0) =>
  cockpit.state.set((s) => ({ ...s, stats: new Map([[id, { cpuPercent, memBytes, at: Date.now() }]]) }));

describe('an idle cockpit', () => {
  it('does not redraw for stats samples that change no cell, and does for one that does', async () => {
    const cockpit = cockpitWith([instance({ service: 'api', startedAt: Date.now() - 30 * 60_000 })]);
    const view = renderSized(<CockpitContext.Provider value={cockpit}><App initial={initialUi()} /></CockpitContext.Provider>, 200, 30);
    try {
      sample(cockpit, 'ml-api-id', 450_000);
      await view.waitForFrame((f) => /api\s+ml-api-1\s+running\s+\S+\s+30m\s+0\s+0\.0%\s+439KiB/.test(f), 'the first sample');
      await view.settled(); // the hidden help is built after the first frame, in a commit (a frame here) of its own
      const drawn = view.frames();
      // What a refresh of an idle container brings: new objects, a new time, the same figures as shown.
      for (let n = 0; n < 5; n++) {
        sample(cockpit, 'ml-api-id', 450_000 + n * 10, 0.001 * n);
        await sleep(30);
      }
      expect(view.frames()).toBe(drawn);
      sample(cockpit, 'ml-api-id', 900_000, 2.5);
      await view.waitForFrame((f) => /2\.5%\s+879KiB/.test(f), 'the changed sample');
      expect(view.frames()).toBe(drawn + 1);
    } finally {
      view.unmount();
    }
  });

  it('moves the minutes of containers started together in one frame, not one frame each', async () => {
    // Five containers a few hundred ms apart, each about a second from turning 31 minutes.
    const now = Date.now();
    const cockpit = cockpitWith(['a', 'b', 'c', 'd', 'e'].map((service, n) => instance({ service, startedAt: now - (31 * 60_000 - 800 - n * 300) })));
    const view = renderSized(<CockpitContext.Provider value={cockpit}><App initial={initialUi()} /></CockpitContext.Provider>, 200, 30);
    try {
      await view.waitForFrame((f) => (f.match(/running\s+-\s+30m\s/g) ?? []).length === 5, 'five at 30m');
      await sleep(300); // the frames of the first render settle
      const drawn = view.frames();
      await view.waitForFrame((f) => (f.match(/running\s+-\s+31m\s/g) ?? []).length === 5, 'five at 31m', 10_000);
      expect(view.frames() - drawn).toBe(1);
    } finally {
      view.unmount();
    }
  }, 15_000);

  it('moves young uptimes on by themselves, on one 2 s clock for all rows', async () => {
    const now = Date.now();
    const cockpit = cockpitWith(['a', 'b', 'c'].map((service, n) => instance({ service, startedAt: now - 65_000 - n * 300 })));
    const view = renderSized(<CockpitContext.Provider value={cockpit}><App initial={initialUi()} /></CockpitContext.Provider>, 200, 30);
    const ages = (f: string) => [...f.matchAll(/running\s+-\s+(\d+)s\s/g)].map((m) => Number(m[1]));
    try {
      const first = ages(await view.waitForFrame((f) => ages(f).length === 3, 'three young rows'));
      await sleep(300);
      const drawn = view.frames();
      const since = Date.now();
      // With a 2 s clock the screen may be up to 2 s behind, so wait for the ages rather than sleep a guess.
      await view.waitForFrame((f) => ages(f).length === 3 && ages(f).every((age, n) => age >= first[n] + 3), 'every age 3 s on', 7000);
      // One frame per tick of the clock; a frame per row per second would be three a second.
      expect(view.frames() - drawn).toBeLessThanOrEqual(Math.ceil((Date.now() - since) / 2000) + 1);
    } finally {
      view.unmount();
    }
  });
});
