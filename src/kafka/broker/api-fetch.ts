// Fetch v0-3 (message sets, long-poll until min_bytes or max_wait) and ListOffsets v1.
import { Writer, type Reader } from './codec';
import { ErrorCode } from './protocol';
import { encodeMessageSet } from './message-set';
import type { ApiHandler, BrokerState } from './broker-state';

const LATEST = -1;
const EARLIEST = -2;

interface FetchRequest {
  maxWaitMs: number;
  minBytes: number;
  maxBytes: number;
  topics: Array<{ topic: string; partitions: Array<{ partition: number; fetchOffset: number; maxBytes: number }> }>;
}

function readFetch(body: Reader, apiVersion: number): FetchRequest {
  body.int32(); // replica_id
  const maxWaitMs = body.int32();
  const minBytes = body.int32();
  const maxBytes = apiVersion >= 3 ? body.int32() : Number.MAX_SAFE_INTEGER;
  const topics = body.array((r) => ({
    topic: r.string(),
    partitions: r.array((pr) => ({ partition: pr.int32(), fetchOffset: pr.int64Number(), maxBytes: pr.int32() })),
  }));
  return { maxWaitMs, minBytes, maxBytes, topics };
}

function collect(state: BrokerState, request: FetchRequest, magic: 0 | 1) {
  let totalBytes = 0;
  let anyError = false;
  const topics = request.topics.map(({ topic, partitions }) => ({
    topic,
    partitions: partitions.map(({ partition, fetchOffset, maxBytes }) => {
      const log = state.storage.partition(topic, partition);
      if (!log) {
        anyError = true;
        return { partition, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, highWatermark: -1, records: Buffer.alloc(0) };
      }
      const highWatermark = state.storage.highWatermark(log);
      if (fetchOffset < log.logStartOffset || fetchOffset > highWatermark) {
        anyError = true;
        return { partition, errorCode: ErrorCode.OFFSET_OUT_OF_RANGE, highWatermark, records: Buffer.alloc(0) };
      }
      const budget = Math.min(maxBytes, request.maxBytes - totalBytes);
      const records = budget > 0 || totalBytes === 0
        ? encodeMessageSet(state.storage.messagesFrom(log, fetchOffset), magic, Math.max(budget, 0))
        : Buffer.alloc(0);
      totalBytes += records.length;
      return { partition, errorCode: ErrorCode.NONE, highWatermark, records };
    }),
  }));
  return { topics, totalBytes, anyError };
}

export const handleFetch: ApiHandler = async ({ apiVersion, state }, body) => {
  const request = readFetch(body, apiVersion);
  const magic = apiVersion >= 2 ? 1 : 0;
  const deadline = Date.now() + Math.max(0, request.maxWaitMs);
  let result = collect(state, request, magic);
  while (result.totalBytes < Math.max(1, request.minBytes) && !result.anyError && Date.now() < deadline && !state.closed.aborted) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, deadline - Date.now());
      const unsubscribe = state.storage.onAppend(done);
      state.closed.addEventListener('abort', done);
      function done() {
        clearTimeout(timer);
        unsubscribe();
        state.closed.removeEventListener('abort', done);
        resolve();
      }
    });
    result = collect(state, request, magic);
  }
  const out = new Writer();
  if (apiVersion >= 1) out.int32(0);
  return out.array(result.topics, (w, { topic, partitions }) => {
    w.string(topic).array(partitions, (pw, p) => pw.int32(p.partition).int16(p.errorCode).int64(p.highWatermark).bytes(p.records));
  });
};

export const handleListOffsets: ApiHandler = ({ state }, body) => {
  body.int32(); // replica_id
  const topics = body.array((r) => ({
    topic: r.string(),
    partitions: r.array((pr) => ({ partition: pr.int32(), timestamp: pr.int64Number() })),
  }));
  return new Writer().array(topics, (w, { topic, partitions }) => {
    w.string(topic).array(partitions, (pw, { partition, timestamp }) => {
      const log = state.storage.partition(topic, partition);
      pw.int32(partition);
      if (!log) {
        pw.int16(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION).int64(-1).int64(-1);
      } else if (timestamp === LATEST) {
        pw.int16(ErrorCode.NONE).int64(-1).int64(state.storage.highWatermark(log));
      } else if (timestamp === EARLIEST) {
        pw.int16(ErrorCode.NONE).int64(-1).int64(log.logStartOffset);
      } else {
        const found = state.storage.offsetForTimestamp(log, timestamp);
        pw.int16(ErrorCode.NONE).int64(found?.timestamp ?? -1).int64(found?.offset ?? -1);
      }
    });
  });
};
