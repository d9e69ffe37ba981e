// Produce v0-2 with old-style message sets (magic 0/1, optionally gzip-wrapped).
import { Writer } from './codec';
import { ErrorCode } from './protocol';
import { decodeMessageSet, UnsupportedCompressionError } from './message-set';
import { topicOrAutoCreate, type ApiHandler } from './broker-state';

interface PartitionResult {
  partition: number;
  errorCode: number;
  baseOffset: number;
}

export const handleProduce: ApiHandler = ({ apiVersion, state }, body) => {
  const acks = body.int16();
  body.int32(); // timeout: appends are synchronous
  const topics = body.array((r) => ({
    topic: r.string(),
    partitions: r.array((pr) => ({ partition: pr.int32(), messageSet: pr.bytes() })),
  }));
  const now = Date.now();
  const results = topics.map(({ topic, partitions }) => ({
    topic,
    partitions: partitions.map(({ partition, messageSet }): PartitionResult => {
      const log = topicOrAutoCreate(state, topic, state.autoCreateTopics)?.partitions[partition];
      if (!log) return { partition, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, baseOffset: -1 };
      try {
        const messages = decodeMessageSet(messageSet).map((m) => ({ ...m, timestamp: m.timestamp ?? now }));
        return { partition, errorCode: ErrorCode.NONE, baseOffset: state.storage.append(log, messages) };
      } catch (error) {
        if (error instanceof UnsupportedCompressionError) return { partition, errorCode: ErrorCode.UNSUPPORTED_COMPRESSION_TYPE, baseOffset: -1 };
        // Bad CRC, truncation, or a gzip payload that does not inflate.
        return { partition, errorCode: ErrorCode.CORRUPT_MESSAGE, baseOffset: -1 };
      }
    }),
  }));
  if (acks === 0) return null;
  const out = new Writer().array(results, (w, { topic, partitions }) => {
    w.string(topic).array(partitions, (pw, result) => {
      pw.int32(result.partition).int16(result.errorCode).int64(result.baseOffset);
      if (apiVersion >= 2) pw.int64(-1); // log_append_time: -1 as messages keep CreateTime
    });
  });
  if (apiVersion >= 1) out.int32(0);
  return out;
};
