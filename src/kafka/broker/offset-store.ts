// Committed consumer-group offsets, per group / topic / partition, with commit times.

export interface CommittedOffset {
  offset: number;
  metadata: string | null;
  commitTimestamp: number;
}

export class OffsetStore {
  private readonly byGroup = new Map<string, Map<string, Map<number, CommittedOffset>>>();

  commit(groupId: string, topic: string, partition: number, offset: number, metadata: string | null, now = Date.now()): void {
    let topics = this.byGroup.get(groupId);
    if (!topics) this.byGroup.set(groupId, (topics = new Map()));
    let partitions = topics.get(topic);
    if (!partitions) topics.set(topic, (partitions = new Map()));
    partitions.set(partition, { offset, metadata, commitTimestamp: now });
  }

  get(groupId: string, topic: string, partition: number): CommittedOffset | undefined {
    return this.byGroup.get(groupId)?.get(topic)?.get(partition);
  }

  /** Every committed offset of a group, topic by topic. */
  all(groupId: string): Array<{ topic: string; partitions: Array<{ partition: number } & CommittedOffset> }> {
    const topics = this.byGroup.get(groupId);
    if (!topics) return [];
    return [...topics].map(([topic, partitions]) => ({
      topic,
      partitions: [...partitions].sort(([a], [b]) => a - b).map(([partition, committed]) => ({ partition, ...committed })),
    }));
  }

  hasOffsets(groupId: string): boolean {
    return (this.byGroup.get(groupId)?.size ?? 0) > 0;
  }

  groupIds(): string[] {
    return [...this.byGroup.keys()].filter((groupId) => this.hasOffsets(groupId));
  }

  /** Drops offsets of a deleted topic from every group, as Kafka does on topic deletion. */
  deleteTopic(topic: string): void {
    for (const [groupId, topics] of this.byGroup) {
      topics.delete(topic);
      if (topics.size === 0) this.byGroup.delete(groupId);
    }
  }
}
