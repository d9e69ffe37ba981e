import type { Reader, Writer } from './codec';
import type { GroupCoordinator } from './group-coordinator';
import type { LogStorage, Topic } from './log-storage';
import { isValidTopicName } from './log-storage';
import type { OffsetStore } from './offset-store';

export interface BrokerState {
  host: string;
  /** The bound port, advertised in Metadata and FindCoordinator. */
  port: number;
  storage: LogStorage;
  offsets: OffsetStore;
  coordinator: GroupCoordinator;
  /** Create unknown topics on Metadata (v1-3, or v4 when the client allows it) and Produce. */
  autoCreateTopics: boolean;
  defaultPartitions: number;
  /** Requests answered so far, by API key (for tests that check what a client sent). */
  requestCounts: Map<number, number>;
  /** Aborted when the broker closes, ending long-polls. */
  closed: AbortSignal;
}

export interface RequestContext {
  apiKey: number;
  apiVersion: number;
  correlationId: number;
  clientId: string;
  clientHost: string;
  state: BrokerState;
}

/** Returns the response body, or null when the request gets no response (Produce with acks=0). */
export type ApiHandler = (context: RequestContext, body: Reader) => Writer | null | Promise<Writer | null>;

/** The topic, creating it with the default partition count when allowed; undefined when unknown. */
export function topicOrAutoCreate(state: BrokerState, name: string, allowCreate: boolean): Topic | undefined {
  const existing = state.storage.topics.get(name);
  if (existing || !allowCreate || !isValidTopicName(name)) return existing;
  return state.storage.createTopic(name, state.defaultPartitions);
}
