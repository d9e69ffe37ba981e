// Which groups and topics a poll covers, from the config: named groups (expected to read the
// configured topics) or every consumer group; `topics` also narrows what is shown.
import type { GroupLag, GroupQuery, LagPoll } from '../lag/poller';
import type { KafkaConfig } from './config-schema';

export function groupQueries(config: Pick<KafkaConfig, 'groups' | 'topics'>, only?: string): GroupQuery[] | undefined {
  const names = only ? [only] : config.groups;
  return names?.map((groupId) => ({ groupId, topics: config.topics }));
}

function narrow(group: GroupLag, topics: ReadonlySet<string>): GroupLag {
  const partitions = group.partitions.filter((p) => topics.has(p.topic));
  return {
    ...group, partitions,
    totalLag: partitions.reduce((sum, p) => sum + (p.lag ?? 0), 0),
    partitionsWithoutCommit: partitions.filter((p) => p.currentOffset === undefined).length,
  };
}

/** Keeps the configured topics only; when every group is polled, drops groups left with nothing. */
export function selectTopics(poll: LagPoll, config: Pick<KafkaConfig, 'groups' | 'topics'>, only?: string): LagPoll {
  if (!config.topics) return poll;
  const topics = new Set(config.topics);
  const explicit = only !== undefined || config.groups !== undefined;
  const groups = poll.groups.map((g) => narrow(g, topics)).filter((g) => explicit || g.partitions.length > 0 || g.error);
  return { ...poll, groups };
}

/** True when the cluster itself could not be read (not one group's trouble). */
export function clusterError(poll: LagPoll): string | undefined {
  if (poll.error) return poll.error;
  if (poll.groups.length > 0 && poll.groups.every((g) => g.state === 'Unknown' && g.error)) return poll.groups[0].error;
  return undefined;
}
