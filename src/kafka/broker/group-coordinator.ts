// The classic consumer-group protocol (JoinGroup/SyncGroup/Heartbeat/LeaveGroup v0):
// generations, member ids, rebalances and session expiry. Rebalance timeout = session
// timeout, since JoinGroup v0 carries no separate rebalance timeout.
import { randomUUID } from 'node:crypto';
import { ErrorCode } from './protocol';
import type { OffsetStore } from './offset-store';
import type { Group, GroupDescription, JoinRequest, JoinResult, Member, SyncRequest, SyncResult } from './group-types';

export interface CoordinatorOptions {
  minSessionTimeoutMs: number;
  maxSessionTimeoutMs: number;
}

const EMPTY = Buffer.alloc(0);

export class GroupCoordinator {
  private readonly groups = new Map<string, Group>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly offsets: OffsetStore, private readonly options: CoordinatorOptions) {
    this.timer = setInterval(() => this.expire(Date.now()), 100);
    this.timer.unref();
  }

  close(): void {
    clearInterval(this.timer);
    for (const group of this.groups.values()) {
      for (const member of group.members.values()) this.answer(member, ErrorCode.UNKNOWN_MEMBER_ID);
    }
  }

  join(request: JoinRequest): Promise<JoinResult> {
    const fail = (errorCode: number) =>
      Promise.resolve({ errorCode, generationId: -1, protocol: '', leaderId: '', memberId: request.memberId, members: [] });
    if (!request.groupId) return fail(ErrorCode.INVALID_GROUP_ID);
    const { minSessionTimeoutMs, maxSessionTimeoutMs } = this.options;
    if (request.sessionTimeoutMs < minSessionTimeoutMs || request.sessionTimeoutMs > maxSessionTimeoutMs) {
      return fail(ErrorCode.INVALID_SESSION_TIMEOUT);
    }
    let group = this.groups.get(request.groupId);
    if (!group) {
      if (request.memberId) return fail(ErrorCode.UNKNOWN_MEMBER_ID);
      group = this.createGroup(request.groupId);
    }
    if (!this.isCompatible(group, request)) return fail(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);

    let member = request.memberId ? group.members.get(request.memberId) : undefined;
    if (request.memberId && !member) return fail(ErrorCode.UNKNOWN_MEMBER_ID);
    if (!member) {
      member = { memberId: `${request.clientId}-${randomUUID()}`, clientId: request.clientId, clientHost: request.clientHost,
        sessionTimeoutMs: 0, protocols: [], assignment: EMPTY, lastSeen: 0 };
      group.members.set(member.memberId, member);
    }
    this.answer(member, ErrorCode.REBALANCE_IN_PROGRESS);
    Object.assign(member, { sessionTimeoutMs: request.sessionTimeoutMs, protocols: request.protocols, lastSeen: Date.now() });
    group.protocolType = request.protocolType;
    const joined = new Promise<JoinResult>((resolve) => { member.awaitingJoin = resolve; });
    this.prepareRebalance(group);
    return joined;
  }

  sync(request: SyncRequest): Promise<SyncResult> {
    const group = this.groups.get(request.groupId);
    const member = group?.members.get(request.memberId);
    const fail = (errorCode: number) => Promise.resolve({ errorCode, assignment: EMPTY });
    if (!group || !member) return fail(ErrorCode.UNKNOWN_MEMBER_ID);
    if (request.generationId !== group.generationId) return fail(ErrorCode.ILLEGAL_GENERATION);
    member.lastSeen = Date.now();
    if (group.state === 'PreparingRebalance') return fail(ErrorCode.REBALANCE_IN_PROGRESS);
    if (group.state === 'Stable') return Promise.resolve({ errorCode: ErrorCode.NONE, assignment: member.assignment });
    const synced = new Promise<SyncResult>((resolve) => { member.awaitingSync = resolve; });
    if (member.memberId === group.leaderId) {
      const assignments = new Map(request.assignments.map((entry) => [entry.memberId, entry.assignment]));
      for (const each of group.members.values()) each.assignment = assignments.get(each.memberId) ?? EMPTY;
      group.state = 'Stable';
      for (const each of group.members.values()) {
        each.awaitingSync?.({ errorCode: ErrorCode.NONE, assignment: each.assignment });
        each.awaitingSync = undefined;
      }
    }
    return synced;
  }

  heartbeat(groupId: string, generationId: number, memberId: string): number {
    const group = this.groups.get(groupId);
    const member = group?.members.get(memberId);
    if (!group || !member) return ErrorCode.UNKNOWN_MEMBER_ID;
    if (generationId !== group.generationId) return ErrorCode.ILLEGAL_GENERATION;
    member.lastSeen = Date.now();
    return group.state === 'PreparingRebalance' ? ErrorCode.REBALANCE_IN_PROGRESS : ErrorCode.NONE;
  }

  leave(groupId: string, memberId: string): number {
    const group = this.groups.get(groupId);
    const member = group?.members.get(memberId);
    if (!group || !member) return ErrorCode.UNKNOWN_MEMBER_ID;
    this.removeMember(group, member);
    return ErrorCode.NONE;
  }

  /** Error code for an OffsetCommit; generation -1 with no member id is a standalone commit. */
  checkCommit(groupId: string, generationId: number, memberId: string): number {
    const group = this.groups.get(groupId);
    if (generationId < 0 && (!group || group.state === 'Empty')) return ErrorCode.NONE;
    const member = group?.members.get(memberId);
    if (!group || !member) return ErrorCode.UNKNOWN_MEMBER_ID;
    if (generationId !== group.generationId) return ErrorCode.ILLEGAL_GENERATION;
    if (group.state === 'CompletingRebalance') return ErrorCode.REBALANCE_IN_PROGRESS;
    member.lastSeen = Date.now();
    return ErrorCode.NONE;
  }

  describe(groupId: string): GroupDescription {
    const group = this.groups.get(groupId);
    if (!group) return { groupId, state: this.offsets.hasOffsets(groupId) ? 'Empty' : 'Dead', protocolType: '', protocol: '', members: [] };
    const settled = group.state === 'Stable' || group.state === 'CompletingRebalance';
    return {
      groupId,
      state: group.state,
      protocolType: group.protocolType,
      protocol: settled ? group.protocol : '',
      members: [...group.members.values()].map((member) => ({
        memberId: member.memberId,
        clientId: member.clientId,
        clientHost: member.clientHost,
        metadata: settled ? (member.protocols.find((p) => p.name === group.protocol)?.metadata ?? EMPTY) : EMPTY,
        assignment: group.state === 'Stable' ? member.assignment : EMPTY,
      })),
    };
  }

  /** Groups with members, plus groups that only hold committed offsets (Empty). */
  list(): Array<{ groupId: string; protocolType: string }> {
    const listed = new Map<string, string>();
    for (const groupId of this.offsets.groupIds()) listed.set(groupId, 'consumer');
    for (const group of this.groups.values()) listed.set(group.groupId, group.protocolType || 'consumer');
    return [...listed].map(([groupId, protocolType]) => ({ groupId, protocolType }));
  }

  private createGroup(groupId: string): Group {
    const group: Group = { groupId, state: 'Empty', protocolType: '', protocol: '', generationId: 0, leaderId: '',
      members: new Map(), rebalanceDeadline: 0 };
    this.groups.set(groupId, group);
    return group;
  }

  private isCompatible(group: Group, request: JoinRequest): boolean {
    if (!request.protocolType || request.protocols.length === 0) return false;
    const others = [...group.members.values()].filter((member) => member.memberId !== request.memberId);
    if (others.length === 0) return true;
    if (request.protocolType !== group.protocolType) return false;
    return request.protocols.some((p) => others.every((member) => member.protocols.some((q) => q.name === p.name)));
  }

  private answer(member: Member, errorCode: number): void {
    member.awaitingJoin?.({ errorCode, generationId: -1, protocol: '', leaderId: '', memberId: member.memberId, members: [] });
    member.awaitingSync?.({ errorCode, assignment: EMPTY });
    member.awaitingJoin = undefined;
    member.awaitingSync = undefined;
  }

  private removeMember(group: Group, member: Member): void {
    this.answer(member, ErrorCode.UNKNOWN_MEMBER_ID);
    group.members.delete(member.memberId);
    this.prepareRebalance(group);
  }

  private prepareRebalance(group: Group): void {
    if (group.state !== 'PreparingRebalance') {
      for (const member of group.members.values()) {
        if (member.awaitingSync) this.answer(member, ErrorCode.REBALANCE_IN_PROGRESS);
      }
      group.state = 'PreparingRebalance';
      const longestSession = Math.max(0, ...[...group.members.values()].map((member) => member.sessionTimeoutMs));
      group.rebalanceDeadline = Date.now() + longestSession;
    }
    if ([...group.members.values()].every((member) => member.awaitingJoin)) this.completeJoin(group);
  }

  private completeJoin(group: Group): void {
    for (const member of [...group.members.values()]) {
      if (!member.awaitingJoin) group.members.delete(member.memberId);
    }
    group.generationId += 1;
    const members = [...group.members.values()];
    if (members.length === 0) {
      Object.assign(group, { state: 'Empty', protocol: '', leaderId: '' });
      return;
    }
    if (!group.members.has(group.leaderId)) group.leaderId = members[0].memberId;
    const leader = group.members.get(group.leaderId)!;
    group.protocol = leader.protocols.find((p) => members.every((m) => m.protocols.some((q) => q.name === p.name)))?.name ?? '';
    group.state = 'CompletingRebalance';
    for (const member of members) {
      member.assignment = EMPTY;
      const reply = member.awaitingJoin!;
      member.awaitingJoin = undefined;
      reply({
        errorCode: ErrorCode.NONE,
        generationId: group.generationId,
        protocol: group.protocol,
        leaderId: group.leaderId,
        memberId: member.memberId,
        members: member === leader
          ? members.map((m) => ({ memberId: m.memberId, metadata: m.protocols.find((p) => p.name === group.protocol)!.metadata }))
          : [],
      });
    }
  }

  private expire(now: number): void {
    for (const group of [...this.groups.values()]) {
      for (const member of [...group.members.values()]) {
        if (!member.awaitingJoin && now - member.lastSeen > member.sessionTimeoutMs) this.removeMember(group, member);
      }
      if (group.state === 'PreparingRebalance' && now >= group.rebalanceDeadline) this.completeJoin(group);
    }
  }
}
