import React from 'react';
import { describe, it, expect } from 'vitest';
import { App } from '../views/App';
import { CockpitContext, type Cockpit } from '../views/context';
import { initialUi } from '../views/ui-state';
import { makeLine } from '../src/logs/line';
import { BehindMeter, BEHIND_FOR_MS, BEHIND_STALE_MS } from '../src/logs/log-behind';
import { renderSized } from './harness/ink';
import { cockpitWith, instance } from './harness/cockpit';

const MINUTE = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('how far the log view trails the services', () => {
  it('is told while a backlog is being read, and not once the lines are current again', () => {
    const meter = new BehindMeter();
    const t0 = 1_000_000;
    // Lines written two minutes before they arrive, batch after batch.
    for (let t = 0; t < BEHIND_FOR_MS; t += 500) {
      meter.note((t0 + t - 2 * MINUTE) * 1000, t0 + t);
      expect(meter.behindMs(t0 + t)).toBeUndefined();
    }
    meter.note((t0 + BEHIND_FOR_MS - 2 * MINUTE) * 1000, t0 + BEHIND_FOR_MS);
    expect(meter.behindMs(t0 + BEHIND_FOR_MS)).toBe(2 * MINUTE);
    // Caught up: the next batch's newest line is a second old.
    meter.note((t0 + BEHIND_FOR_MS + 500 - 1000) * 1000, t0 + BEHIND_FOR_MS + 500);
    expect(meter.behindMs(t0 + BEHIND_FOR_MS + 500)).toBeUndefined();
  });

  it('does not count the history a follower reads first, nor a quiet service, nor a reading with no lines since', () => {
    const meter = new BehindMeter();
    const t0 = 1_000_000;
    // The first tail of services quiet for an hour lands in two batches.
    meter.note((t0 - 60 * MINUTE) * 1000, t0);
    meter.note((t0 - 59 * MINUTE) * 1000, t0 + 50);
    expect(meter.behindMs(t0 + 50)).toBeUndefined();
    expect(meter.behindMs(t0 + 10 * MINUTE)).toBeUndefined();
    // A backlog shown, then nothing lands: the reading goes stale and says when.
    for (let t = 0; t <= BEHIND_FOR_MS; t += 500) meter.note((t0 + t - MINUTE) * 1000, t0 + t);
    const last = t0 + BEHIND_FOR_MS;
    expect(meter.behindMs(last)).toBe(MINUTE);
    expect(meter.changesInMs(last)).toBe(BEHIND_STALE_MS + 1);
    expect(meter.behindMs(last + BEHIND_STALE_MS + 1)).toBeUndefined();
    expect(meter.changesInMs(last + BEHIND_STALE_MS + 1)).toBeUndefined();
  });

  it('shows in the logs pane while a backlog of two-minute-old lines lands, and goes when lines are current', async () => {
    const cockpit = cockpitWith([instance({ service: 'api' })]);
    const view = renderSized(<CockpitContext.Provider value={cockpit}><App initial={initialUi()} /></CockpitContext.Provider>, 120, 30);
    let seq = 0;
    const land = (cockpit: Cockpit, ageMs: number) => {
      cockpit.feed.push([makeLine({ seq: ++seq, ts: (Date.now() - ageMs) * 1000, service: 'api', container: 'api-1', stream: 'stdout', text: `line ${seq}`, truncatedBytes: 0 })]);
      cockpit.feed.flush();
    };
    try {
      await view.waitForFrame((f) => f.includes('waiting for log lines'), 'empty logs pane');
      const started = Date.now();
      while (Date.now() - started < BEHIND_FOR_MS + 500) {
        land(cockpit, 2 * MINUTE);
        await sleep(200);
      }
      expect(await view.waitForFrame((f) => /behind 2m\d*s? · following/.test(f), 'the backlog in the pane title')).toContain(`line ${seq}`);
      land(cockpit, 0);
      await view.waitForFrame((f) => f.includes(`line ${seq}`) && !f.includes('behind'), 'the title once lines are current');
    } finally {
      view.unmount();
    }
  }, 15_000);
});
