import { createServer, type Socket, type AddressInfo } from 'node:net';
import { LogStorage } from './log-storage';
import { OffsetStore } from './offset-store';
import { GroupCoordinator } from './group-coordinator';
import { serveConnection } from './connection';
import type { BrokerState } from './broker-state';
import type { GroupDescription } from './group-types';
import type { CommittedOffset } from './offset-store';

export interface BrokerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Create unknown topics on Metadata and Produce (default true; Metadata v4 clients can opt out). */
  autoCreateTopics?: boolean;
  /** Partitions of auto-created topics (default 1). */
  defaultPartitions?: number;
  /** Accepted session timeouts (defaults 100 ms and 5 min). */
  minSessionTimeoutMs?: number;
  maxSessionTimeoutMs?: number;
}

export interface KafkaBroker {
  host: string;
  port: number;
  /** "host:port", ready for a client's bootstrap list. */
  brokers: string;
  createTopic(name: string, partitions?: number): void;
  deleteTopic(name: string): boolean;
  listTopics(): Array<{ name: string; partitions: number }>;
  /** Appends values to one partition without a client; returns the first offset. */
  produce(topic: string, values: Array<string | Buffer>, partition?: number): number;
  /** Log-end offset of each partition of a topic. */
  highWatermarks(topic: string): number[];
  describeGroup(groupId: string): GroupDescription;
  committedOffset(groupId: string, topic: string, partition: number): CommittedOffset | undefined;
  /** Commits an offset for a group as an admin tool would (generation -1); for seeding demos and tests. */
  commitOffset(groupId: string, topic: string, partition: number, offset: number): void;
  /** How many requests of an API (by key, see ApiKey) the broker has answered. */
  requestCount(apiKey: number): number;
  close(): Promise<void>;
}

export async function startBroker(options: BrokerOptions = {}): Promise<KafkaBroker> {
  const host = options.host ?? '127.0.0.1';
  const storage = new LogStorage();
  const offsets = new OffsetStore();
  const coordinator = new GroupCoordinator(offsets, {
    minSessionTimeoutMs: options.minSessionTimeoutMs ?? 100,
    maxSessionTimeoutMs: options.maxSessionTimeoutMs ?? 300_000,
  });
  const closing = new AbortController();
  const sockets = new Set<Socket>();
  const state: BrokerState = {
    host, port: 0, storage, offsets, coordinator,
    autoCreateTopics: options.autoCreateTopics ?? true,
    defaultPartitions: options.defaultPartitions ?? 1,
    requestCounts: new Map(),
    closed: closing.signal,
  };
  // Real brokers set TCP_NODELAY; without it small responses wait on delayed ACKs.
  const server = createServer({ noDelay: true }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serveConnection(socket, state);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => { server.off('error', reject); resolve(); });
  });
  state.port = (server.address() as AddressInfo).port;

  const topicOrThrow = (name: string) => {
    const topic = storage.topics.get(name);
    if (!topic) throw new Error(`unknown topic: ${name}`);
    return topic;
  };

  return {
    host,
    port: state.port,
    brokers: `${host}:${state.port}`,
    createTopic: (name, partitions = 1) => { storage.createTopic(name, partitions); },
    deleteTopic: (name) => {
      const deleted = storage.deleteTopic(name);
      if (deleted) offsets.deleteTopic(name);
      return deleted;
    },
    listTopics: () => [...storage.topics.values()].map((topic) => ({ name: topic.name, partitions: topic.partitions.length })),
    produce: (topic, values, partition = 0) => {
      const log = topicOrThrow(topic).partitions[partition];
      if (!log) throw new Error(`unknown partition: ${topic}/${partition}`);
      const now = Date.now();
      return storage.append(log, values.map((value) => ({ timestamp: now, key: null, value: Buffer.from(value) })));
    },
    highWatermarks: (topic) => topicOrThrow(topic).partitions.map((log) => storage.highWatermark(log)),
    describeGroup: (groupId) => coordinator.describe(groupId),
    committedOffset: (groupId, topic, partition) => offsets.get(groupId, topic, partition),
    commitOffset: (groupId, topic, partition, offset) => {
      if (!storage.partition(topic, partition)) throw new Error(`unknown partition: ${topic}/${partition}`);
      if (coordinator.checkCommit(groupId, -1, '') !== 0) throw new Error(`group ${groupId} has active members`);
      offsets.commit(groupId, topic, partition, offset, null);
    },
    requestCount: (apiKey) => state.requestCounts.get(apiKey) ?? 0,
    close: async () => {
      if (closing.signal.aborted) return;
      closing.abort();
      coordinator.close();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
