// Metadata v1-4, CreateTopics v0, DeleteTopics v0.
import { Writer, type Reader } from './codec';
import { BROKER_NODE_ID, ErrorCode } from './protocol';
import { isValidTopicName } from './log-storage';
import { topicOrAutoCreate, type ApiHandler } from './broker-state';

const CLUSTER_ID = 'opsdeck-test-cluster';

export const handleMetadata: ApiHandler = ({ apiVersion, state }, body) => {
  const requested = body.nullableArray((r) => r.string());
  const clientAllowsCreate = apiVersion >= 4 ? body.boolean() : true;
  const names = requested ?? [...state.storage.topics.keys()];
  const out = new Writer();
  if (apiVersion >= 3) out.int32(0);
  out.array([BROKER_NODE_ID], (w, nodeId) => w.int32(nodeId).string(state.host).int32(state.port).nullableString(null));
  if (apiVersion >= 2) out.nullableString(CLUSTER_ID);
  out.int32(BROKER_NODE_ID);
  out.array(names, (w, name) => {
    const topic = topicOrAutoCreate(state, name, state.autoCreateTopics && clientAllowsCreate);
    const errorCode = topic ? ErrorCode.NONE : isValidTopicName(name) ? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION : ErrorCode.INVALID_TOPIC_EXCEPTION;
    w.int16(errorCode).string(name).boolean(false);
    w.array(topic?.partitions ?? [], (pw, _log, index) => {
      pw.int16(ErrorCode.NONE).int32(index).int32(BROKER_NODE_ID);
      pw.array([BROKER_NODE_ID], (rw, id) => rw.int32(id));
      pw.array([BROKER_NODE_ID], (iw, id) => iw.int32(id));
    });
  });
  return out;
};

function readCreateTopic(reader: Reader) {
  const name = reader.string();
  const partitions = reader.int32();
  const replicationFactor = reader.int16();
  const assignments = reader.array((r) => ({ partition: r.int32(), replicas: r.array((rr) => rr.int32()) }));
  reader.array((r) => ({ name: r.string(), value: r.nullableString() }));
  return { name, partitions, replicationFactor, assignments };
}

export const handleCreateTopics: ApiHandler = ({ state }, body) => {
  const requests = body.array(readCreateTopic);
  body.int32(); // timeout
  return new Writer().array(requests, (w, request) => {
    const partitions = request.assignments.length > 0 ? request.assignments.length
      : request.partitions === -1 ? state.defaultPartitions : request.partitions;
    let errorCode: number = ErrorCode.NONE;
    if (!isValidTopicName(request.name)) errorCode = ErrorCode.INVALID_TOPIC_EXCEPTION;
    else if (state.storage.topics.has(request.name)) errorCode = ErrorCode.TOPIC_ALREADY_EXISTS;
    else if (partitions < 1) errorCode = ErrorCode.INVALID_PARTITIONS;
    else if (request.replicationFactor !== -1 && request.replicationFactor !== 1) errorCode = ErrorCode.INVALID_REPLICATION_FACTOR;
    else state.storage.createTopic(request.name, partitions);
    w.string(request.name).int16(errorCode);
  });
};

export const handleDeleteTopics: ApiHandler = ({ state }, body) => {
  const names = body.array((r) => r.string());
  body.int32(); // timeout
  return new Writer().array(names, (w, name) => {
    const deleted = state.storage.deleteTopic(name);
    if (deleted) state.offsets.deleteTopic(name);
    w.string(name).int16(deleted ? ErrorCode.NONE : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  });
};
