// The Membership service (proto/membership.proto): a manager-certified node enters raft
// as a learner (promoted by the reconciler once caught up) or leaves it. Served by the
// leader; a follower forwards the call.
import * as crypto from 'crypto';
import * as grpc from '@grpc/grpc-js';
import { loadProto } from '../../proto/load';
import type { ProtoGrpcType } from '../../proto/gen/membership';
import type { MembershipHandlers } from '../../proto/gen/shoal/membership/Membership';
import type { JoinRaftResponse } from '../../proto/gen/shoal/membership/JoinRaftResponse';
import { statusError } from '../ca';
import type { ManagerContext } from '../context';
import { forwardUnary, isForwarded, ON_BEHALF_OF_HEADER } from '../forwarding';
import { unaryCall } from '../grpc-util';
import { parseHostPort } from '../addresses';
import { DataKey, encodeDataKey } from '../store';
import { quorumAfterRemoval } from './quorum';

const service = () => loadProto<ProtoGrpcType>('membership.proto').shoal.membership.Membership.service;

export function membershipHandlers(ctx: ManagerContext, dataKey: DataKey): MembershipHandlers {
  const onLeader = async <Req, Res>(
    call: grpc.ServerUnaryCall<Req, Res>,
    method: 'JoinRaft' | 'LeaveRaft',
    here: (nodeId: string) => Promise<Res>,
  ): Promise<Res> => {
    const identity = ctx.authenticator.requireRole(call, 'manager');
    const route = await ctx.leaderRoute(3_000);
    if (!route.self) {
      if (isForwarded(call)) throw statusError(grpc.status.UNAVAILABLE, 'not the leader; retry');
      // The leader sees the forwarder's certificate, so the caller's id travels along.
      const def = service()[method] as unknown as grpc.MethodDefinition<unknown, unknown>;
      return (await forwardUnary(
        ctx.connections,
        route.address,
        def,
        call.request,
        15_000,
        identity.nodeId,
      )) as Res;
    }
    // Forwarded: the caller is a manager (checked above) acting for the node it names.
    const onBehalf = isForwarded(call) ? String(call.metadata.get(ON_BEHALF_OF_HEADER)[0] ?? '') : '';
    return here(onBehalf || identity.nodeId);
  };

  return {
    JoinRaft: unaryCall(async (call) =>
      onLeader(call, 'JoinRaft', async (nodeId): Promise<JoinRaftResponse> => {
        ctx.requireNodeRecord(nodeId);
        const req = call.request;
        parseHostPort(req.raftAddr, 'raft_addr');
        parseHostPort(req.controlAddr, 'control_addr');
        return admit(ctx, nodeId, req.raftAddr, req.controlAddr, dataKey);
      }),
    ),
    LeaveRaft: unaryCall(async (call) =>
      onLeader(call, 'LeaveRaft', async (nodeId) => {
        await remove(ctx, nodeId);
        return {};
      }),
    ),
  };
}

async function admit(
  ctx: ManagerContext,
  nodeId: string,
  raftAddr: string,
  controlAddr: string,
  dataKey: DataKey,
): Promise<JoinRaftResponse> {
  const node = ctx.requireNodeRecord(nodeId);
  const { voters, learners } = ctx.raft.members;
  const members = new Set([...voters, ...learners]);
  let raftId = node.managerStatus?.raftId ?? 0;
  if (!raftId || !members.has(raftId)) {
    do raftId = crypto.randomInt(1, 2 ** 47);
    while (members.has(raftId));
    ctx.logger.info('adding a manager to raft as a learner', { node: nodeId, raftId, raftAddr });
    await ctx.raft.addMember(raftId, raftAddr, { learner: true });
  }
  await ctx.store.update(
    (tx) => {
      const n = tx.nodes.get(nodeId);
      if (!n) return;
      n.role = 'manager';
      n.managerStatus = { raftId, addr: controlAddr, leader: false, reachability: 'REACHABLE' };
      tx.nodes.update(n);
    },
    { retries: 5 },
  );
  const peers: Array<{ raftId: number; addr: string }> = [];
  for (const id of [...ctx.raft.members.voters, ...ctx.raft.members.learners]) {
    const addr = id === ctx.raft.id ? ctx.raftAddr : ctx.raft.transport.peerAddress(id);
    if (addr && id !== raftId) peers.push({ raftId: id, addr });
  }
  return { raftId, peers, dataKey: encodeDataKey(dataKey) };
}

async function remove(ctx: ManagerContext, nodeId: string): Promise<void> {
  const node = ctx.requireNodeRecord(nodeId);
  const raftId = node.managerStatus?.raftId;
  if (raftId && raftId === ctx.raft.id)
    throw statusError(
      grpc.status.FAILED_PRECONDITION,
      'the leader cannot remove itself; it must hand leadership to another manager first',
    );
  const { voters, learners } = ctx.raft.members;
  if (raftId && (voters.includes(raftId) || learners.includes(raftId))) {
    if (voters.includes(raftId)) {
      const check = quorumAfterRemoval(ctx, raftId);
      if (!check.ok)
        throw statusError(
          grpc.status.FAILED_PRECONDITION,
          `removing this manager would leave ${check.reachable} reachable managers out of ${check.remaining}, below the quorum of ${check.quorum}`,
        );
    }
    ctx.logger.info('removing a manager from raft', { node: nodeId, raftId });
    await ctx.raft.removeMember(raftId);
  }
  await ctx.store.update(
    (tx) => {
      const n = tx.nodes.get(nodeId);
      if (!n) return;
      n.role = 'worker';
      n.managerStatus = null;
      if (n.spec) n.spec.desiredRole = 'worker';
      tx.nodes.update(n);
    },
    { retries: 5 },
  );
}

export function addMembershipService(server: grpc.Server, handlers: MembershipHandlers): void {
  server.addService(service(), handlers);
}
