// `opsdeck lag` and `opsdeck lag reset` through the real CLI (dist/ is built by the global setup).
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { LagRig, waitFor, TOPIC, GROUP } from './lag-helpers';

let rig: LagRig;
let dir: string;
beforeEach(async () => {
  rig = await new LagRig().start();
  rig.broker.createTopic(TOPIC, 2);
  dir = mkdtempSync(join(tmpdir(), 'opsdeck-lag-cli-'));
});
afterEach(async () => rig.close());

function configFile(kafka: string): string {
  const file = join(dir, 'opsdeck.yaml');
  writeFileSync(file, `audit:\n  path: ${join(dir, 'audit.jsonl')}\nkafka:\n${kafka}`);
  return file;
}

// bin/opsdeck is a sh script that runs dist/ on the pinned node_modules/.bin/node.
const opsdeck = (args: string[]) => execa('bin/opsdeck', [...args], { reject: false, timeout: 60_000, stdin: 'ignore' });

describe('opsdeck lag', () => {
  it('exits 0 when every group is within its thresholds, 1 when one is above, 2 when Kafka is down', async () => {
    rig.broker.produce(TOPIC, Array.from({ length: 10 }, (_, i) => `m${i}`), 0);
    rig.broker.commitOffset(GROUP, TOPIC, 0, 10);
    rig.broker.commitOffset('laggard', TOPIC, 0, 0);
    const file = configFile(`  brokers: [${rig.broker.brokers}]\n  thresholds:\n    lag_messages: { warn: 5, crit: 50 }\n`);

    const fine = await opsdeck(['lag', '-c', file, '--json', '--group', GROUP]);
    expect(fine.exitCode, fine.stderr).toBe(0);
    const ok = JSON.parse(fine.stdout);
    expect(ok.groups).toHaveLength(1);
    expect(ok.groups[0]).toMatchObject({ group: GROUP, state: 'Empty', totalLag: 0, level: 'ok', timeLagSeconds: 0 });
    // Partition 1 has no commit: null, never a lag of the whole log.
    expect(ok.groups[0].partitions[1]).toMatchObject({ partition: 1, currentOffset: null, logEndOffset: 0, lag: null });

    const all = await opsdeck(['lag', '-c', file, '--json']);
    expect(all.exitCode).toBe(1);
    const report = JSON.parse(all.stdout);
    expect(report.failing).toEqual(['laggard']);
    expect(report.groups.find((g: { group: string }) => g.group === 'laggard')).toMatchObject({ totalLag: 10, level: 'warn' });

    const text = await opsdeck(['lag', '-c', file]);
    expect(text.exitCode).toBe(1);
    expect(text.stdout).toMatch(/GROUP\s+TOPIC\s+PARTITION\s+CURRENT-OFFSET\s+LOG-END-OFFSET\s+LAG\s+CONSUMER-ID\s+HOST\s+CLIENT-ID/);
    expect(text.stdout).toMatch(/laggard\s+crypto-features\s+0\s+0\s+10\s+10\s+-\s+-\s+-/);
    expect(text.stdout).toMatch(/laggard\s+crypto-features\s+1\s+-\s+0\s+-/);

    await rig.broker.close();
    const down = await opsdeck(['lag', '-c', file, '--json']);
    expect(down.exitCode).toBe(2);
    expect(JSON.parse(down.stdout).kafka).toMatchObject({ status: 'down' });
    rig.broker = await (await import('../src/kafka/broker')).startBroker();
  });

  it('judges time lag from message timestamps: a group fifteen minutes behind is above 300 s', async () => {
    const producer = rig.track(rig.kafka.producer());
    await producer.connect();
    const now = Date.now();
    await producer.send({ topic: TOPIC, messages: [
      { partition: 0, value: 'read', timestamp: String(now - 900_000) },
      { partition: 0, value: 'old', timestamp: String(now - 600_000) },
      { partition: 0, value: 'new', timestamp: String(now - 1_000) },
    ] });
    rig.broker.commitOffset(GROUP, TOPIC, 0, 1);
    const file = configFile(`  brokers: [${rig.broker.brokers}]\n`);
    const result = await opsdeck(['lag', '-c', file, '--json']);
    expect(result.exitCode, result.stderr).toBe(1);
    const [group] = JSON.parse(result.stdout).groups;
    expect(group.level).toBe('crit');
    // kafka-lag-exporter's definition: now minus the moment the log end reached the committed
    // offset, i.e. when the last message the group read (900 s ago) was written.
    expect(group.timeLagSeconds).toBeGreaterThan(850);
    expect(group.timeLagSeconds).toBeLessThan(1000);
  });

  it('resets offsets: a dry run, a refusal while members are active, and --yes with the journal', async () => {
    rig.broker.produce(TOPIC, Array.from({ length: 8 }, (_, i) => `m${i}`), 0);
    rig.broker.commitOffset(GROUP, TOPIC, 0, 3);
    const file = configFile(`  brokers: [${rig.broker.brokers}]\n`);

    const dry = await opsdeck(['-c', file, 'lag', 'reset', '--group', GROUP, '--to', 'latest', '--dry-run']);
    expect(dry.exitCode, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/volatility-predictor\s+crypto-features\s+0\s+3\s+8\s+5\s+0/);
    expect(dry.stdout).toContain('dry run: nothing committed');
    expect(rig.broker.committedOffset(GROUP, TOPIC, 0)?.offset).toBe(3);

    const noTty = await opsdeck(['-c', file, 'lag', 'reset', '--group', GROUP, '--to', 'latest']);
    expect(noTty.exitCode).toBe(2);
    expect(noTty.stderr).toContain('pass --yes');

    const consumer = await rig.consumer();
    await waitFor(async () => (await opsdeck(['lag', '-c', file, '--json', '--group', GROUP])).stdout.includes('"state": "Stable"'), 'a stable group');
    consumer.pause([{ topic: TOPIC }]);
    const refused = await opsdeck(['-c', file, 'lag', 'reset', '--group', GROUP, '--to', 'earliest', '--yes']);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(/it is Stable with 1 active member\(s\); stop its consumers first/);
    await consumer.disconnect();

    const done = await opsdeck(['-c', file, 'lag', 'reset', '--group', GROUP, '--to', 'latest', '--yes']);
    expect(done.exitCode, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/group volatility-predictor skipped \d+ messages/);
    expect(rig.broker.committedOffset(GROUP, TOPIC, 0)?.offset).toBe(8);
    expect(existsSync(join(dir, 'audit.jsonl'))).toBe(true);
    const records = readFileSync(join(dir, 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(records.map((r) => [r.action, r.phase, r.result ?? null])).toEqual([['kafka-reset-offsets', 'start', null], ['kafka-reset-offsets', 'end', 'ok']]);
  });
});
