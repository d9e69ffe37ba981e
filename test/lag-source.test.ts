// The lag source against the in-repo broker with a real kafkajs producer and consumer group.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startBroker } from '../src/kafka/broker';
import { LagTracker } from '../src/kafka/source/lag-tracker';
import { kafkaConfigSchema } from '../src/kafka/source/config-schema';
import { readGauge } from '../src/kafka/source/consumer-metric';
import { lagSparkline } from '../views/lag-spark';
import type { LagPoll } from '../src/kafka/lag/poller';
import { LagRig, waitFor, TOPIC, GROUP } from './lag-helpers';

let rig: LagRig;
beforeEach(async () => {
  rig = await new LagRig().start();
  rig.broker.createTopic(TOPIC, 2);
});
afterEach(async () => rig.close());

const group = (source: ReturnType<LagRig['source']>, id = GROUP) => source.store.get().groups.find((g) => g.groupId === id);

describe('lag source', () => {
  it('sees lag grow while the consumer is paused and drain when it runs', async () => {
    const producer = rig.track(rig.kafka.producer());
    await producer.connect();
    const consumer = await rig.consumer();
    await producer.send({ topic: TOPIC, messages: [{ value: 'a', partition: 0 }, { value: 'b', partition: 0 }, { value: 'c', partition: 1 }] });
    await waitFor(() => rig.broker.committedOffset(GROUP, TOPIC, 0)?.offset === 2 && rig.broker.committedOffset(GROUP, TOPIC, 1)?.offset === 1, 'first commits');
    const source = rig.source();
    source.start();
    const caughtUp = await waitFor(() => group(source)?.state === 'Stable' && group(source), 'a stable group');
    expect(caughtUp).toMatchObject({ totalLag: 0, status: 'OK', level: 'ok' });
    expect(caughtUp.members).toHaveLength(1);

    consumer.pause([{ topic: TOPIC }]);
    await producer.send({ topic: TOPIC, messages: Array.from({ length: 40 }, (_, i) => ({ value: `m${i}`, partition: i % 2 })) });
    const behind = await waitFor(() => (group(source)?.totalLag ?? 0) >= 40 && group(source), 'lag of 40');
    expect(behind.maxLag).toBe(20);
    expect(behind.trend.at(-1)).toBe(40);
    // The member is alive but its offset does not move: Burrow's STALL once the window fills.
    await waitFor(() => group(source)?.status === 'STALL', 'STALL while paused');

    consumer.resume([{ topic: TOPIC }]);
    const drained = await waitFor(() => group(source)?.totalLag === 0 && group(source), 'lag to drain');
    expect(drained.partitions.map((p) => [p.partition, p.currentOffset, p.logEndOffset, p.lag])).toEqual([[0, 22, 22, 0], [1, 21, 21, 0]]);
    expect(Math.max(...drained.trend)).toBeGreaterThanOrEqual(40);
    await waitFor(() => group(source)?.status === 'OK', 'OK again');
  });

  it('shows an unknown group and a deleted topic as errors on those groups, and recovers from a broker restart', async () => {
    rig.broker.createTopic('doomed', 1);
    rig.broker.commitOffset('orphaned', 'doomed', 0, 0);
    rig.broker.commitOffset(GROUP, TOPIC, 0, 0);
    const source = rig.source({ groups: [GROUP, 'no-such-group', 'orphaned'] });
    source.start();
    await waitFor(() => group(source, 'orphaned'), 'groups');
    const admin = rig.track(rig.kafka.admin());
    await admin.connect();
    await admin.deleteTopics({ topics: ['doomed'] });
    const orphaned = await waitFor(() => group(source, 'orphaned')?.error?.includes('does not exist') && group(source, 'orphaned'), 'deleted-topic error');
    expect(orphaned.level).toBe('error');
    expect(group(source, 'no-such-group')).toMatchObject({ state: 'Dead', error: 'group "no-such-group" does not exist', level: 'error' });
    // The healthy group is unaffected once the client's metadata has caught up with the deletion.
    await waitFor(() => group(source)?.error === undefined && group(source)?.partitions.length === 2, 'healthy group without error');

    const port = rig.broker.port;
    await rig.broker.close();
    const down = await waitFor(() => source.store.get().status === 'down' && source.store.get(), 'down state');
    expect(down.error).toBeTruthy();
    expect(down.retryAt).toBeGreaterThan(0);

    rig.broker = await startBroker({ port });
    rig.broker.createTopic(TOPIC, 2);
    rig.broker.produce(TOPIC, ['x', 'y', 'z'], 1);
    rig.broker.commitOffset(GROUP, TOPIC, 1, 1);
    const back = await waitFor(() => source.store.get().status === 'up' && group(source)?.totalLag === 2 && source.store.get(), 'recovery', 30_000);
    expect(back.error).toBeUndefined();
  });

  it('reads the lag a consumer reports on its metrics endpoint', async () => {
    const server = createServer((_, res) => res.end('# TYPE volatility_consumer_lag_seconds gauge\nvolatility_consumer_lag_seconds 42.5\n'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      rig.broker.commitOffset(GROUP, TOPIC, 0, 0);
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
      const source = rig.source({ consumer_metrics: [{ group: GROUP, url }] });
      await source.poll();
      expect(group(source)).toMatchObject({ reportedLagSeconds: 42.5, level: 'warn' });
    } finally {
      server.close();
    }
  });
});

describe('lag tracker rules', () => {
  const thresholds = kafkaConfigSchema.parse({ brokers: ['x:1'] }).thresholds;
  const poll = (at: number, offset: number | undefined, end: number, members = 0): LagPoll => ({
    polledAt: at,
    groups: [{
      groupId: 'g', state: members ? 'Stable' : 'Empty', members: Array.from({ length: members }, (_, i) => ({ memberId: `m${i}`, clientId: 'c', host: 'h', assignment: [] })),
      partitions: [{ topic: 't', partition: 0, currentOffset: offset, logEndOffset: end, lag: offset === undefined ? undefined : end - offset, consumerId: undefined, host: undefined, clientId: undefined }],
      totalLag: offset === undefined ? 0 : end - offset, partitionsWithoutCommit: offset === undefined ? 1 : 0, error: undefined,
    }],
  });

  it('keeps a caught-up group on a quiet topic OK, however long nothing happens', () => {
    const tracker = new LagTracker({ window: 3, thresholds });
    let view;
    for (let t = 0; t < 10; t++) view = tracker.update(poll(t * 60_000, 5, 5))[0];
    expect(view).toMatchObject({ status: 'OK', timeLagMs: 0, level: 'ok' });
  });

  it('estimates time lag from the log-end table and judges it against the thresholds', () => {
    const tracker = new LagTracker({ window: 10, thresholds });
    // One message a second; the consumer stopped at offset 100 at t=100 s.
    let view;
    for (let t = 100; t <= 500; t += 50) view = tracker.update(poll(t * 1000, 100, t))[0];
    expect(view!.timeLagMs).toBe(400_000);
    expect(view).toMatchObject({ level: 'crit', status: 'STOP' });
  });

  it('leaves time lag unknown without a commit or with one log-end point', () => {
    const tracker = new LagTracker({ window: 10, thresholds });
    expect(tracker.update(poll(0, undefined, 10))[0].timeLagMs).toBeUndefined();
    expect(new LagTracker({ window: 10, thresholds }).update(poll(1000, 3, 10))[0].timeLagMs).toBeUndefined();
  });

  it('reads one gauge from an exposition and draws sparklines with an ASCII fallback', () => {
    expect(readGauge('a 1\nvolatility_consumer_lag_seconds{p="0"} 3\nvolatility_consumer_lag_seconds{p="1"} 7\n', 'volatility_consumer_lag_seconds')).toBe(7);
    expect(readGauge('other 1\n', 'volatility_consumer_lag_seconds')).toBeUndefined();
    expect(lagSparkline([0, 1, 2, 4, 8], 5, true)).toBe('▁▂▃▅█');
    expect(lagSparkline([0, 1, 2, 4, 8], 5, false)).toBe('_.-=#');
    expect(lagSparkline([0, 0], 4, true)).toBe('▁▁');
  });
});
