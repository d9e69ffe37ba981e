// FindCoordinator, JoinGroup, SyncGroup, Heartbeat, LeaveGroup, DescribeGroups, ListGroups (all v0).
import { Writer } from './codec';
import { BROKER_NODE_ID, ErrorCode } from './protocol';
import type { ApiHandler } from './broker-state';

export const handleFindCoordinator: ApiHandler = ({ state }, body) => {
  body.string(); // group_id: this single node coordinates every group
  return new Writer().int16(ErrorCode.NONE).int32(BROKER_NODE_ID).string(state.host).int32(state.port);
};

export const handleJoinGroup: ApiHandler = async ({ clientId, clientHost, state }, body) => {
  const groupId = body.string();
  const sessionTimeoutMs = body.int32();
  const memberId = body.string();
  const protocolType = body.string();
  const protocols = body.array((r) => ({ name: r.string(), metadata: r.bytes() }));
  const result = await state.coordinator.join({ groupId, memberId, clientId, clientHost, sessionTimeoutMs, protocolType, protocols });
  return new Writer()
    .int16(result.errorCode)
    .int32(result.generationId)
    .string(result.protocol)
    .string(result.leaderId)
    .string(result.memberId)
    .array(result.members, (w, member) => w.string(member.memberId).bytes(member.metadata));
};

export const handleSyncGroup: ApiHandler = async ({ state }, body) => {
  const groupId = body.string();
  const generationId = body.int32();
  const memberId = body.string();
  const assignments = body.array((r) => ({ memberId: r.string(), assignment: r.bytes() }));
  const result = await state.coordinator.sync({ groupId, generationId, memberId, assignments });
  return new Writer().int16(result.errorCode).bytes(result.assignment);
};

export const handleHeartbeat: ApiHandler = ({ state }, body) => {
  const groupId = body.string();
  const generationId = body.int32();
  const memberId = body.string();
  return new Writer().int16(state.coordinator.heartbeat(groupId, generationId, memberId));
};

export const handleLeaveGroup: ApiHandler = ({ state }, body) => {
  const groupId = body.string();
  const memberId = body.string();
  return new Writer().int16(state.coordinator.leave(groupId, memberId));
};

export const handleDescribeGroups: ApiHandler = ({ state }, body) => {
  const groupIds = body.array((r) => r.string());
  return new Writer().array(groupIds, (w, groupId) => {
    const group = state.coordinator.describe(groupId);
    w.int16(ErrorCode.NONE).string(groupId).string(group.state).string(group.protocolType).string(group.protocol);
    w.array(group.members, (mw, member) => {
      mw.string(member.memberId).string(member.clientId).string(member.clientHost).bytes(member.metadata).bytes(member.assignment);
    });
  });
};

export const handleListGroups: ApiHandler = ({ state }) => {
  return new Writer()
    .int16(ErrorCode.NONE)
    .array(state.coordinator.list(), (w, group) => w.string(group.groupId).string(group.protocolType));
};
