// The lag pane in the real App against the in-repo broker: frames at 80x24 and 200x50,
// drill-down, the backlog reset with B + y, read-only, broker restarts and a kcat group.
import React from 'react';
import { readFileSync } from 'node:fs';
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { execa, type ResultPromise } from 'execa';
import { App } from '../views/App';
import { CockpitContext, type Cockpit } from '../views/context';
import { initialUi } from '../views/ui-state';
import { startBroker } from '../src/kafka/broker';
import { renderSized, KEYS, type SizedRender } from './harness/ink';
import { cockpitWith } from './harness/cockpit';
import { LagRig, waitFor, TOPIC, GROUP } from './lag-helpers';

let rig: LagRig;
let view: SizedRender | undefined;
beforeEach(async () => {
  rig = await new LagRig().start();
  rig.broker.createTopic(TOPIC, 2);
});
afterEach(async () => {
  view?.unmount();
  view = undefined;
  await rig.close();
});

async function open(cockpitOptions: Partial<Cockpit> = {}, columns = 80, rows = 24, extra: Record<string, unknown> = {}) {
  const source = rig.source(extra);
  const cockpit = cockpitWith([], { lag: source, ...cockpitOptions });
  source.start();
  view = renderSized(<CockpitContext.Provider value={cockpit}><App initial={initialUi()} /></CockpitContext.Provider>, columns, rows);
  await view.press('5');
  return { cockpit, source, view };
}

const fits = (frame: string, columns: number, rows: number) => {
  const lines = frame.split('\n');
  expect(lines).toHaveLength(rows);
  expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(columns);
};

describe('lag pane', () => {
  it('shows lag per group at 80x24 and 200x50, and partitions with "-" for no commit', async () => {
    rig.broker.produce(TOPIC, Array.from({ length: 12 }, (_, i) => `m${i}`), 0);
    rig.broker.produce(TOPIC, ['n'], 1);
    rig.broker.commitOffset(GROUP, TOPIC, 0, 2);
    const { view: small } = await open();
    const frame = await small.waitForFrame((f) => /volatility-predi\S*\s+Empty\s+0\s+10\s/.test(f), 'group row at 80x24');
    fits(frame, 80, 24);
    expect(frame).toMatch(/GROUP\s+STATE\s+MEMBERS\s+LAG\s+TIME-LAG\s+STATUS\s+TREND/);
    expect(frame).toMatch(/ STOP /);

    await small.press(KEYS.enter);
    const drill = await small.waitForFrame((f) => f.includes('CURRENT-OFFSET'), 'drill-down');
    fits(drill, 80, 24);
    expect(drill).toMatch(/TOPIC\s+PARTITION\s+CURRENT-OFFSET\s+LOG-END-OFFSET\s+LAG/);
    expect(drill).toMatch(/crypto-features\s+0\s+2\s+12\s+10\s+-/);
    expect(drill).toMatch(/crypto-features\s+1\s+-\s+1\s+-/);
    await small.press(KEYS.escape);
    await small.waitForFrame((f) => f.includes('TREND'), 'back to the groups');
    small.unmount();

    view = undefined;
    const { view: big } = await open({}, 200, 50);
    const wide = await big.waitForFrame((f) => /volatility-predictor\s+Empty\s+0\s+10\s+10\s/.test(f), 'group row at 200x50');
    fits(wide, 200, 50);
    expect(wide).toMatch(/GROUP\s+STATE\s+MEMBERS\s+LAG\s+MAX\s+TIME-LAG\s+STATUS\s+TREND/);
    expect(wide).toMatch(/<B> clear backlog/);
  });

  it('takes keys typed ahead in one chunk one by one: j then enter opens the next group', async () => {
    rig.broker.produce(TOPIC, Array.from({ length: 12 }, (_, i) => `m${i}`), 0);
    rig.broker.commitOffset(GROUP, TOPIC, 0, 2);
    rig.broker.commitOffset('zz-audit', TOPIC, 0, 5);
    const { view: screen } = await open();
    await screen.waitForFrame((f) => f.includes('zz-audit') && f.includes('volatility-predi'), 'both groups');
    await screen.press('j\r');
    const drill = await screen.waitForFrame((f) => f.includes('CURRENT-OFFSET'), 'drill-down');
    expect(drill).toMatch(/crypto-features\s+0\s+5\s+12\s+7/);
  });

  it('clears the backlog with B + y: real offsets, audit journal, notice', async () => {
    const consumer = await rig.consumer();
    rig.broker.produce(TOPIC, ['a'], 0);
    await waitFor(() => rig.broker.committedOffset(GROUP, TOPIC, 0)?.offset === 1, 'first commit');
    consumer.pause([{ topic: TOPIC }]);
    rig.broker.produce(TOPIC, Array.from({ length: 30 }, (_, i) => `b${i}`), 0);
    rig.broker.produce(TOPIC, Array.from({ length: 5 }, (_, i) => `c${i}`), 1);
    const { cockpit, view: screen } = await open();
    await screen.waitForFrame((f) => /Stable\s+1\s+30\s/.test(f), 'lagging stable group');

    await screen.press('B');
    await waitFor(() => cockpit.state.get().notice?.kind === 'error' && cockpit.state.get().notice, 'refusal');
    expect(cockpit.state.get().notice?.text).toMatch(/cannot reset group volatility-predictor: it is Stable with 1 active member\(s\); stop its consumers first/);
    expect(rig.broker.committedOffset(GROUP, TOPIC, 0)?.offset).toBe(1);

    await consumer.disconnect();
    await screen.waitForFrame((f) => /Empty\s+0\s+30\s/.test(f), 'empty group');
    await screen.press('B');
    const confirm = await screen.waitForFrame((f) => f.includes('Confirm'), 'confirm dialog');
    expect(confirm).toMatch(/Reset group volatility-predictor to latest: crypto-features\/0 1→31 \(30\)/);
    expect(confirm).toContain('Skips 35 messages');
    await screen.press('y');
    const notice = await waitFor(() => cockpit.state.get().notice?.kind === 'ok' && cockpit.state.get().notice, 'outcome notice');
    expect(notice.text).toBe('group volatility-predictor skipped 35 messages');
    expect([rig.broker.committedOffset(GROUP, TOPIC, 0)?.offset, rig.broker.committedOffset(GROUP, TOPIC, 1)?.offset]).toEqual([31, 5]);
    const journal = readFileSync(cockpit.journal.path, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(journal.map((r) => [r.action, r.phase, r.result])).toEqual([['kafka-reset-offsets', 'start', undefined], ['kafka-reset-offsets', 'end', 'ok']]);
    expect(journal[0].target).toEqual({ kind: 'kafka-group', id: GROUP });
    expect(journal[0].params.partitions).toEqual([
      { topic: TOPIC, partition: 0, before: 1, after: 31, skipped: 30 },
      { topic: TOPIC, partition: 1, before: null, after: 5, skipped: 5 },
    ]);
    await screen.waitForFrame((f) => /Empty\s+0\s+0\s/.test(f), 'lag 0 after the reset');
  });

  it('hides B in read-only mode and does nothing on it', async () => {
    rig.broker.produce(TOPIC, ['a', 'b'], 0);
    rig.broker.commitOffset(GROUP, TOPIC, 0, 0);
    const { view: screen } = await open({ readOnly: true }, 200, 60);
    const frame = await screen.waitForFrame((f) => /Empty\s+0\s+2\s/.test(f), 'group row');
    expect(frame).toMatch(/<enter> partitions\s+<esc> back/);
    expect(frame).not.toContain('clear backlog');
    await screen.press('?');
    const help = await screen.waitForFrame((f) => f.includes('select group'), 'help');
    expect(help).not.toContain('clear backlog');
    await screen.press(KEYS.escape);
    await screen.waitForFrame((f) => !f.includes('Keys —'), 'help closed');
    await screen.press('B');
    expect(screen.frame()).not.toContain('Confirm');
    expect(rig.broker.committedOffset(GROUP, TOPIC, 0)?.offset).toBe(0);
  });

  it('shows a stopped broker as an error and recovers when it is back on the same port', async () => {
    rig.broker.commitOffset(GROUP, TOPIC, 0, 0);
    const { view: screen } = await open();
    await screen.waitForFrame((f) => f.includes('volatility-predi'), 'group row');
    const port = rig.broker.port;
    await rig.broker.close();
    const down = await screen.waitForFrame((f) => f.includes('Kafka unreachable'), 'error state', 20_000);
    expect(down).toMatch(/Retrying in/);
    rig.broker = await startBroker({ port });
    rig.broker.createTopic(TOPIC, 1);
    rig.broker.produce(TOPIC, ['x', 'y', 'z'], 0);
    rig.broker.commitOffset('after-restart', TOPIC, 0, 1);
    await screen.waitForFrame((f) => /after-restart\s+Empty\s+0\s+2\s/.test(f), 'recovered rows', 30_000);
  });

  it('lists a kcat -G consumer group', async () => {
    rig.broker.produce(TOPIC, ['1', '2', '3'], 0);
    const kcat: ResultPromise = execa('/usr/bin/kcat', [
      '-b', rig.broker.brokers, '-G', 'kcat-readers', '-o', 'beginning', '-f', '%s\\n',
      '-X', 'auto.commit.interval.ms=100', '-X', 'session.timeout.ms=6000', '-X', 'heartbeat.interval.ms=300', TOPIC,
    ], { timeout: 25_000, reject: false, forceKillAfterDelay: 1_000 });
    try {
      const { view: screen } = await open();
      const frame = await screen.waitForFrame((f) => /kcat-readers\s+Stable\s+1\s+0\s/.test(f), 'kcat group row', 20_000);
      expect(frame).toMatch(/kcat-readers\s+Stable\s+1\s+0\s+0s\s+OK/);
      await screen.press(KEYS.enter);
      await screen.waitForFrame((f) => /crypto-features\s+0\s+3\s+3\s+0\s+rdkafka-/.test(f), 'kcat partitions with its consumer id');
    } finally {
      kcat.kill('SIGTERM');
      await kcat;
    }
  });
});
