// Time lag from a single look, for `opsdeck lag`: ask the broker which offset was the log end
// at a ladder of past moments (ListOffsets by timestamp), build the same (offset, time) table
// the live source collects over time, and interpolate it the kafka-lag-exporter way.
import type { Admin } from 'kafkajs';
import { LogEndTable, timeLag, type TimeLagResult } from '../lag/time-lag';
import type { GroupView } from './lag-model';
import { levelOf, type Thresholds } from './thresholds';

/** Ages probed, in seconds: fine where thresholds usually sit, coarse beyond an hour. */
const AGES = [7 * 86400, 2 * 86400, 86400, 43200, 21600, 14400, 7200, 3600, 2700, 1800, 1200, 900, 600, 450, 300,
  240, 180, 120, 90, 60, 45, 30, 20, 15, 10, 5, 2, 1];

/** Per topic and partition, the log-end table as it would have been recorded over the last week. */
export async function pastLogEnds(admin: Admin, topic: string, logEnds: ReadonlyMap<number, number>, now: number): Promise<Map<number, LogEndTable>> {
  const answers = await Promise.all(AGES.map(async (age) => {
    const offsets = await admin.fetchTopicOffsetsByTimestamp(topic, now - age * 1000);
    return { time: now - age * 1000, offsets: new Map(offsets.map((p) => [p.partition, Number(p.offset)])) };
  }));
  const tables = new Map<number, LogEndTable>();
  for (const [partition, end] of logEnds) {
    const table = new LogEndTable(AGES.length + 2);
    for (const { time, offsets } of answers) {
      const offset = offsets.get(partition);
      if (offset !== undefined && offset >= 0) table.record(Math.min(offset, end), time);
    }
    table.record(end, now);
    tables.set(partition, table);
  }
  return tables;
}

/** Fills in the time lag of every lagging partition of `groups` (one ladder per topic). */
export async function addTimestampLags(admin: Admin, groups: GroupView[], thresholds: Thresholds, now = Date.now()): Promise<GroupView[]> {
  const ends = new Map<string, Map<number, number>>();
  for (const g of groups) for (const p of g.partitions) {
    if ((p.lag ?? 0) > 0 && p.logEndOffset !== undefined) (ends.get(p.topic) ?? ends.set(p.topic, new Map()).get(p.topic)!).set(p.partition, p.logEndOffset);
  }
  const tables = new Map<string, Map<number, LogEndTable>>();
  await Promise.all([...ends].map(async ([topic, byPartition]) => {
    tables.set(topic, await pastLogEnds(admin, topic, byPartition, now).catch(() => new Map()));
  }));
  return groups.map((g) => {
    const partitions = g.partitions.map((p) => {
      const table = tables.get(p.topic)?.get(p.partition);
      if ((p.lag ?? 0) === 0 && p.currentOffset !== undefined) return { ...p, timeLagMs: 0, timeLagAtLeast: false };
      if (!table) return p;
      const result: TimeLagResult = timeLag(table.points, p.currentOffset, now);
      return { ...p, timeLagMs: result.ms, timeLagAtLeast: result.known && result.atLeast };
    });
    const worst = partitions.filter((p) => p.timeLagMs !== undefined).sort((a, b) => b.timeLagMs! - a.timeLagMs!)[0];
    const view = { ...g, partitions, timeLagMs: worst?.timeLagMs, timeLagAtLeast: worst?.timeLagAtLeast ?? false };
    return { ...view, level: levelOf(view, thresholds) };
  });
}
