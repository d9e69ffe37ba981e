// API keys, the versions this broker implements, and the error codes it returns.

export const ApiKey = {
  Produce: 0,
  Fetch: 1,
  ListOffsets: 2,
  Metadata: 3,
  OffsetCommit: 8,
  OffsetFetch: 9,
  FindCoordinator: 10,
  JoinGroup: 11,
  Heartbeat: 12,
  LeaveGroup: 13,
  SyncGroup: 14,
  DescribeGroups: 15,
  ListGroups: 16,
  ApiVersions: 18,
  CreateTopics: 19,
  DeleteTopics: 20,
} as const;

/** [apiKey, minVersion, maxVersion]: exactly what the handlers decode and encode. */
export const SUPPORTED_VERSIONS: ReadonlyArray<readonly [number, number, number]> = [
  [ApiKey.Produce, 0, 2],
  [ApiKey.Fetch, 0, 3],
  [ApiKey.ListOffsets, 1, 1],
  [ApiKey.Metadata, 1, 4],
  [ApiKey.OffsetCommit, 2, 2],
  [ApiKey.OffsetFetch, 1, 3],
  [ApiKey.FindCoordinator, 0, 0],
  [ApiKey.JoinGroup, 0, 0],
  [ApiKey.Heartbeat, 0, 0],
  [ApiKey.LeaveGroup, 0, 0],
  [ApiKey.SyncGroup, 0, 0],
  [ApiKey.DescribeGroups, 0, 0],
  [ApiKey.ListGroups, 0, 0],
  [ApiKey.ApiVersions, 0, 2],
  [ApiKey.CreateTopics, 0, 0],
  [ApiKey.DeleteTopics, 0, 0],
];

export function isSupported(apiKey: number, version: number): boolean {
  return SUPPORTED_VERSIONS.some(([key, min, max]) => key === apiKey && version >= min && version <= max);
}

export const ErrorCode = {
  NONE: 0,
  OFFSET_OUT_OF_RANGE: 1,
  CORRUPT_MESSAGE: 2,
  UNKNOWN_TOPIC_OR_PARTITION: 3,
  INVALID_TOPIC_EXCEPTION: 17,
  ILLEGAL_GENERATION: 22,
  INCONSISTENT_GROUP_PROTOCOL: 23,
  INVALID_GROUP_ID: 24,
  UNKNOWN_MEMBER_ID: 25,
  INVALID_SESSION_TIMEOUT: 26,
  REBALANCE_IN_PROGRESS: 27,
  UNSUPPORTED_VERSION: 35,
  TOPIC_ALREADY_EXISTS: 36,
  INVALID_PARTITIONS: 37,
  INVALID_REPLICATION_FACTOR: 38,
  INVALID_REQUEST: 42,
  UNSUPPORTED_COMPRESSION_TYPE: 76,
} as const;

export const BROKER_NODE_ID = 0;
