// OffsetCommit v2 and OffsetFetch v1-3.
import { Writer } from './codec';
import { ErrorCode } from './protocol';
import type { ApiHandler } from './broker-state';

export const handleOffsetCommit: ApiHandler = ({ state }, body) => {
  const groupId = body.string();
  const generationId = body.int32();
  const memberId = body.string();
  body.int64(); // retention_time: offsets are kept for the broker's lifetime
  const topics = body.array((r) => ({
    topic: r.string(),
    partitions: r.array((pr) => ({ partition: pr.int32(), offset: pr.int64Number(), metadata: pr.nullableString() })),
  }));
  const groupError = groupId ? state.coordinator.checkCommit(groupId, generationId, memberId) : ErrorCode.INVALID_GROUP_ID;
  const now = Date.now();
  return new Writer().array(topics, (w, { topic, partitions }) => {
    w.string(topic).array(partitions, (pw, { partition, offset, metadata }) => {
      let errorCode = groupError;
      if (errorCode === ErrorCode.NONE && !state.storage.partition(topic, partition)) errorCode = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
      if (errorCode === ErrorCode.NONE) state.offsets.commit(groupId, topic, partition, offset, metadata, now);
      pw.int32(partition).int16(errorCode);
    });
  });
};

export const handleOffsetFetch: ApiHandler = ({ apiVersion, state }, body) => {
  const groupId = body.string();
  const requested = body.nullableArray((r) => ({ topic: r.string(), partitions: r.array((pr) => pr.int32()) }));
  // A null topic list (v2+) asks for every committed offset of the group.
  const topics = requested ?? state.offsets.all(groupId).map(({ topic, partitions }) => ({
    topic,
    partitions: partitions.map((p) => p.partition),
  }));
  const out = new Writer();
  if (apiVersion >= 3) out.int32(0);
  out.array(topics, (w, { topic, partitions }) => {
    w.string(topic).array(partitions, (pw, partition) => {
      const committed = state.offsets.get(groupId, topic, partition);
      pw.int32(partition).int64(committed?.offset ?? -1).nullableString(committed?.metadata ?? '').int16(ErrorCode.NONE);
    });
  });
  if (apiVersion >= 2) out.int16(ErrorCode.NONE);
  return out;
};
