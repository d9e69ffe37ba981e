// In-memory topic logs: one append-only array of messages per partition, plus wake-ups
// for fetches that are long-polling for new data.

export interface StoredMessage {
  offset: number;
  /** CreateTime from the producer, or the append time when the producer sent none. */
  timestamp: number;
  key: Buffer | null;
  value: Buffer | null;
}

export interface PartitionLog {
  messages: StoredMessage[];
  /** Offset of messages[0]; stays 0 since nothing is ever truncated. */
  logStartOffset: number;
}

export interface Topic {
  name: string;
  partitions: PartitionLog[];
}

const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

export function isValidTopicName(name: string): boolean {
  return TOPIC_NAME.test(name) && name !== '.' && name !== '..';
}

export class LogStorage {
  readonly topics = new Map<string, Topic>();
  private appendListeners = new Set<() => void>();

  createTopic(name: string, partitionCount: number): Topic {
    if (!isValidTopicName(name)) throw new Error(`invalid topic name: ${JSON.stringify(name)}`);
    if (!Number.isInteger(partitionCount) || partitionCount < 1) throw new Error(`invalid partition count: ${partitionCount}`);
    if (this.topics.has(name)) throw new Error(`topic already exists: ${name}`);
    const topic: Topic = {
      name,
      partitions: Array.from({ length: partitionCount }, () => ({ messages: [], logStartOffset: 0 })),
    };
    this.topics.set(name, topic);
    return topic;
  }

  deleteTopic(name: string): boolean {
    const existed = this.topics.delete(name);
    if (existed) this.notifyAppend();
    return existed;
  }

  partition(topic: string, partition: number): PartitionLog | undefined {
    return this.topics.get(topic)?.partitions[partition];
  }

  /** Appends and returns the base offset. */
  append(log: PartitionLog, messages: ReadonlyArray<Omit<StoredMessage, 'offset'>>): number {
    const baseOffset = log.logStartOffset + log.messages.length;
    messages.forEach((message, index) => log.messages.push({ ...message, offset: baseOffset + index }));
    if (messages.length > 0) this.notifyAppend();
    return baseOffset;
  }

  highWatermark(log: PartitionLog): number {
    return log.logStartOffset + log.messages.length;
  }

  /** Earliest offset whose timestamp is >= `timestamp`, or undefined when there is none. */
  offsetForTimestamp(log: PartitionLog, timestamp: number): StoredMessage | undefined {
    return log.messages.find((message) => message.timestamp >= timestamp);
  }

  messagesFrom(log: PartitionLog, offset: number): StoredMessage[] {
    return log.messages.slice(offset - log.logStartOffset);
  }

  /** Calls `listener` on the next append anywhere (or topic deletion); returns an unsubscribe. */
  onAppend(listener: () => void): () => void {
    this.appendListeners.add(listener);
    return () => this.appendListeners.delete(listener);
  }

  private notifyAppend(): void {
    const listeners = [...this.appendListeners];
    this.appendListeners.clear();
    for (const listener of listeners) listener();
  }
}
