// `opsdeck lag`: consumer-group lag as kafka-consumer-groups --describe prints it, exit 1 when a
// group is above its thresholds (or in error), 2 when the cluster cannot be read.
// `opsdeck lag reset`: plan, confirm, and commit a group's offsets (see actions/clear-backlog).
import { createInterface } from 'node:readline/promises';
import type { Admin } from 'kafkajs';
import type { Settings } from './settings';
import type { KafkaConfig } from '../kafka/source/config-schema';
import { kafkaClient, describeBrokers } from '../kafka/source/kafka-client';
import { pollGroupLag } from '../kafka/lag/poller';
import { LagTracker } from '../kafka/source/lag-tracker';
import { fetchAllReported } from '../kafka/source/consumer-metric';
import { clusterError, groupQueries, selectTopics } from '../kafka/source/selection';
import { addTimestampLags } from '../kafka/source/timestamp-lag';
import { AuditJournal } from '../audit/journal';
import { executeBacklogClear, outcomeText, planBacklogClear, planRows, refusal } from '../../actions/clear-backlog';
import type { ResetTarget } from '../kafka/lag/reset';
import { groupTable, partitionTable, groupJson, table } from '../kafka/source/lag-format';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function kafkaSection(settings: Settings): KafkaConfig {
  if (!settings.config.kafka) throw new Error(`no "kafka" section in ${settings.configFile ?? 'the config'}: add kafka.brokers to use opsdeck lag`);
  return settings.config.kafka;
}

async function withAdmin<T>(config: KafkaConfig, work: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = kafkaClient(config).admin();
  try {
    await admin.connect();
    return await work(admin);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export async function runLag(settings: Settings, options: { group?: string; json?: boolean }): Promise<number> {
  const config = kafkaSection(settings);
  const brokers = describeBrokers(config);
  const down = (error: string) => {
    if (options.json) process.stdout.write(`${JSON.stringify({ kafka: { brokers, status: 'down', error }, groups: [] }, null, 2)}\n`);
    else process.stderr.write(`opsdeck: Kafka unreachable at ${brokers}: ${error}\n`);
    return 2;
  };
  let groups;
  try {
    groups = await withAdmin(config, async (admin) => {
      const [poll, reported] = await Promise.all([
        pollGroupLag(admin, groupQueries(config, options.group)),
        fetchAllReported(config.consumer_metrics.filter((m) => !options.group || m.group === options.group)),
      ]);
      const error = clusterError(poll);
      if (error) throw new Error(error);
      const views = new LagTracker({ window: config.window, thresholds: config.thresholds }).update(selectTopics(poll, config, options.group), reported);
      return addTimestampLags(admin, views, config.thresholds);
    });
  } catch (error) {
    return down(message(error));
  }
  groups.sort((a, b) => a.groupId.localeCompare(b.groupId));
  const failing = groups.filter((g) => g.level !== 'ok');
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ kafka: { brokers, status: 'up' }, thresholds: config.thresholds, groups: groups.map(groupJson), failing: failing.map((g) => g.groupId) }, null, 2)}\n`);
  } else {
    process.stdout.write(partitionTable(groups));
    process.stdout.write(`\n${groupTable(groups)}`);
    for (const g of groups) if (g.error) process.stdout.write(`${g.groupId}: ${g.error}\n`);
    if (failing.length) process.stdout.write(`\n${failing.length} above threshold or in error: ${failing.map((g) => `${g.groupId} (${g.level})`).join(', ')}\n`);
  }
  return failing.length ? 1 : 0;
}

export function parseTarget(to: string): ResetTarget {
  if (to === 'latest' || to === 'earliest') return { to };
  const timestamp = Date.parse(to);
  if (!/^\d{4}-\d\d-\d\d/.test(to) || Number.isNaN(timestamp)) throw new Error(`--to: expected latest, earliest or an ISO time like 2025-01-31T12:00:00Z, got "${to}"`);
  return { to: 'timestamp', timestamp };
}

async function confirmOnTty(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

export async function runLagReset(settings: Settings, options: { group: string; to: string; dryRun?: boolean; yes?: boolean }): Promise<number> {
  const config = kafkaSection(settings);
  const target = parseTarget(options.to);
  return withAdmin(config, async (admin) => {
    const { groups } = await pollGroupLag(admin, groupQueries(config, options.group));
    const topics = [...new Set(groups[0]?.partitions.map((p) => p.topic) ?? [])];
    const plan = await planBacklogClear(admin, options.group, topics, target);
    process.stdout.write(table([['GROUP', 'TOPIC', 'PARTITION', 'BEFORE', 'AFTER', 'SKIPPED', 'REPLAYED'], ...planRows(plan).map((r) => [plan.groupId, ...r])]));
    process.stdout.write(`\n${plan.totalSkipped.toLocaleString('en-US')} messages skipped, ${plan.totalReplayed.toLocaleString('en-US')} replayed (group is ${plan.groupState})\n`);
    const why = refusal(plan);
    if (why) {
      process.stderr.write(`opsdeck: ${why}\n`);
      return 1;
    }
    if (options.dryRun) {
      process.stdout.write('dry run: nothing committed\n');
      return 0;
    }
    if (!options.yes) {
      if (!process.stdin.isTTY) {
        process.stderr.write('opsdeck: not a terminal: pass --yes to reset, or --dry-run to see the plan only\n');
        return 2;
      }
      if (!(await confirmOnTty(`Reset group ${plan.groupId} as above? [y/N] `))) {
        process.stderr.write('opsdeck: nothing committed\n');
        return 1;
      }
    }
    await executeBacklogClear(admin, new AuditJournal(settings.auditPath), plan);
    process.stdout.write(`${outcomeText(plan)}\n`);
    return 0;
  });
}
