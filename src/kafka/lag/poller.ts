// One batched poll of consumer-group lag through the kafkajs admin client, in the shape of
// kafka-consumer-groups --describe. Never commits (no resolveOffsets) and never throws:
// failures land on the group they concern.
import { AssignerProtocol, type Admin, type GroupDescription } from 'kafkajs';
import { partitionsOf, type ByPartition } from './by-partition';

export interface PartitionLag {
  topic: string;
  partition: number;
  /** Committed offset; undefined when the group never committed here (shown as "-"). */
  currentOffset: number | undefined;
  logEndOffset: number | undefined;
  /** logEndOffset − currentOffset floored at 0; undefined without a commit or log end. */
  lag: number | undefined;
  consumerId: string | undefined;
  host: string | undefined;
  clientId: string | undefined;
}

export interface GroupMember {
  memberId: string;
  clientId: string;
  host: string;
  assignment: Array<{ topic: string; partitions: number[] }>;
}

export interface GroupLag {
  groupId: string;
  /** As DescribeGroups reports it: Empty, Stable, PreparingRebalance, CompletingRebalance, Dead, or Unknown. */
  state: string;
  members: GroupMember[];
  partitions: PartitionLag[];
  /** Sum of the known partition lags. */
  totalLag: number;
  /** Partitions without a committed offset. */
  partitionsWithoutCommit: number;
  error: string | undefined;
}

export interface GroupQuery {
  groupId: string;
  /** Topics the group is expected to read; otherwise its committed and assigned topics. */
  topics?: string[];
}

export interface LagPoll {
  polledAt: number;
  groups: GroupLag[];
  /** Set when the group list itself could not be read. */
  error?: string;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function decodeMembers(description: GroupDescription): GroupMember[] {
  return description.members.map((member) => {
    let assignment: GroupMember['assignment'] = [];
    if (description.protocolType === 'consumer' && member.memberAssignment.length > 0) {
      try {
        const decoded = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
        assignment = Object.entries(decoded?.assignment ?? {}).map(([topic, partitions]) => ({ topic, partitions }));
      } catch {
        assignment = [];
      }
    }
    return { memberId: member.memberId, clientId: member.clientId, host: member.clientHost, assignment };
  });
}

/** Polls the given groups, or every group the cluster lists. */
export async function pollGroupLag(admin: Admin, queries?: Array<string | GroupQuery>): Promise<LagPoll> {
  const polledAt = Date.now();
  let wanted: GroupQuery[];
  try {
    wanted = queries
      ? queries.map((query) => (typeof query === 'string' ? { groupId: query } : query))
      : (await admin.listGroups()).groups.filter((g) => g.protocolType === 'consumer' || g.protocolType === '').map((g) => ({ groupId: g.groupId }));
  } catch (error) {
    return { polledAt, groups: [], error: `cannot list groups: ${message(error)}` };
  }
  if (wanted.length === 0) return { polledAt, groups: [] };

  const failAll = (error: unknown): LagPoll => ({
    polledAt,
    groups: wanted.map(({ groupId }) => emptyGroup(groupId, 'Unknown', message(error))),
  });
  let descriptions: Map<string, GroupDescription>;
  let partitionCounts: Map<string, number>;
  try {
    const [described, metadata] = await Promise.all([
      admin.describeGroups(wanted.map((query) => query.groupId)),
      admin.fetchTopicMetadata(),
    ]);
    descriptions = new Map(described.groups.map((group) => [group.groupId, group]));
    partitionCounts = new Map(metadata.topics.map((topic) => [topic.name, topic.partitions.length]));
  } catch (error) {
    return failAll(error);
  }

  const committedByGroup = await Promise.all(wanted.map(async ({ groupId }) => {
    try {
      return { offsets: await admin.fetchOffsets({ groupId }) };
    } catch (error) {
      return { error: message(error) };
    }
  }));

  const topicsByGroup = wanted.map((query, index) => {
    const topics = new Set(query.topics ?? []);
    for (const { topic } of committedByGroup[index].offsets ?? []) topics.add(topic);
    const description = descriptions.get(query.groupId);
    for (const member of description ? decodeMembers(description) : []) member.assignment.forEach(({ topic }) => topics.add(topic));
    return [...topics].sort();
  });

  // Log ends once per topic, however many groups read it.
  const logEnds = new Map<string, Map<number, number> | Error>();
  await Promise.all([...new Set(topicsByGroup.flat())].filter((topic) => partitionCounts.has(topic)).map(async (topic) => {
    try {
      const offsets = await admin.fetchTopicOffsets(topic);
      logEnds.set(topic, new Map(offsets.map((p) => [p.partition, Number(p.high)])));
    } catch (error) {
      logEnds.set(topic, error instanceof Error ? error : new Error(String(error)));
    }
  }));

  const groups = wanted.map((query, index): GroupLag => {
    const description = descriptions.get(query.groupId);
    const committed = committedByGroup[index];
    const members = description ? decodeMembers(description) : [];
    const state = description?.state ?? 'Unknown';
    const errors: string[] = [];
    if (committed.error) errors.push(`cannot read committed offsets: ${committed.error}`);
    const topics = topicsByGroup[index];
    if (state === 'Dead' && topics.length === 0 && !committed.error) errors.push(`group "${query.groupId}" does not exist`);

    const owner: ByPartition<GroupMember> = new Map();
    for (const member of members) for (const { topic, partitions } of member.assignment) for (const p of partitions) partitionsOf(owner, topic).set(p, member);
    const committedOffset: ByPartition<number> = new Map();
    for (const { topic, partitions } of committed.offsets ?? []) {
      for (const { partition, offset } of partitions) if (Number(offset) >= 0) partitionsOf(committedOffset, topic).set(partition, Number(offset));
    }

    const partitions: PartitionLag[] = [];
    for (const topic of topics) {
      const count = partitionCounts.get(topic);
      const ends = logEnds.get(topic);
      if (count === undefined) errors.push(`topic "${topic}" does not exist`);
      else if (ends instanceof Error) errors.push(`cannot read log end of "${topic}": ${ends.message}`);
      const committedHere = committedOffset.get(topic);
      const ownerHere = owner.get(topic);
      const known = new Set<number>(Array.from({ length: count ?? 0 }, (_, i) => i));
      for (const partition of committedHere?.keys() ?? []) known.add(partition);
      for (const partition of [...known].sort((a, b) => a - b)) {
        const currentOffset = committedHere?.get(partition);
        const logEndOffset = ends instanceof Map ? ends.get(partition) : undefined;
        const member = ownerHere?.get(partition);
        partitions.push({
          topic, partition, currentOffset, logEndOffset,
          lag: currentOffset !== undefined && logEndOffset !== undefined ? Math.max(0, logEndOffset - currentOffset) : undefined,
          consumerId: member?.memberId, host: member?.host, clientId: member?.clientId,
        });
      }
    }
    return {
      groupId: query.groupId, state, members, partitions,
      totalLag: partitions.reduce((sum, p) => sum + (p.lag ?? 0), 0),
      partitionsWithoutCommit: partitions.filter((p) => p.currentOffset === undefined).length,
      error: errors.length > 0 ? errors.join('; ') : undefined,
    };
  });
  return { polledAt, groups };
}

function emptyGroup(groupId: string, state: string, error: string): GroupLag {
  return { groupId, state, members: [], partitions: [], totalLag: 0, partitionsWithoutCommit: 0, error };
}
