// Control API: nodes. Node records are written by the CA (join), the dispatcher
// (description, status) and here (spec: availability, labels, desired role). Manager
// status is computed on the leader from raft when read, so it is never stale.
import * as grpc from '@grpc/grpc-js';
import type { GetNodeRequest__Output } from '../../proto/gen/shoal/api/GetNodeRequest';
import type { ListNodesRequest__Output } from '../../proto/gen/shoal/api/ListNodesRequest';
import type { UpdateNodeRequest__Output } from '../../proto/gen/shoal/api/UpdateNodeRequest';
import type { RemoveNodeRequest__Output } from '../../proto/gen/shoal/api/RemoveNodeRequest';
import type { Node, NodeSpec } from '../api-types';
import { statusError } from '../ca';
import type { ManagerContext } from '../context';
import { labelsMatch, resolveByRef } from './resolve';
import type { ControlMethods } from './server';
import { quorumAfterRemoval } from '../membership/quorum';

const AVAILABILITIES = ['ACTIVE', 'PAUSE', 'DRAIN'];

export function findNode(ctx: ManagerContext, ref: string): Node {
  return resolveByRef(ctx.local.list('nodes'), ref, 'node', (n) => n.description?.hostname ?? '');
}

/** The node with its manager status as the leader sees it right now. */
export function withLiveStatus(ctx: ManagerContext, node: Node): Node {
  const ms = node.managerStatus;
  if (!ms || !ms.raftId) return node;
  const { voters, learners } = ctx.raft.members;
  const member = voters.includes(ms.raftId) || learners.includes(ms.raftId);
  const leader = member && ctx.raft.leader === ms.raftId;
  const ready = node.status?.state === 'READY' || ms.raftId === ctx.raft.id;
  return {
    ...node,
    managerStatus: {
      ...ms,
      leader,
      reachability: member && (leader || ready) ? 'REACHABLE' : 'UNREACHABLE',
    },
  };
}

function checkSpec(spec: NodeSpec | null): NodeSpec {
  if (!spec) throw statusError(grpc.status.INVALID_ARGUMENT, 'spec: required');
  if (spec.desiredRole !== 'manager' && spec.desiredRole !== 'worker')
    throw statusError(
      grpc.status.INVALID_ARGUMENT,
      `spec.desired_role: must be "manager" or "worker", got ${JSON.stringify(spec.desiredRole)}`,
    );
  if (!AVAILABILITIES.includes(spec.availability))
    throw statusError(
      grpc.status.INVALID_ARGUMENT,
      `spec.availability: must be one of active, pause, drain, got ${JSON.stringify(spec.availability)}`,
    );
  for (const key of Object.keys(spec.annotations?.labels ?? {})) {
    if (!key.trim())
      throw statusError(grpc.status.INVALID_ARGUMENT, 'spec.annotations.labels: a label key is empty');
  }
  return spec;
}

function checkDemotion(ctx: ManagerContext, node: Node): void {
  const raftId = node.managerStatus?.raftId;
  if (!raftId || !ctx.raft.members.voters.includes(raftId)) return;
  const voters = ctx.raft.members.voters;
  if (voters.length === 1)
    throw statusError(
      grpc.status.FAILED_PRECONDITION,
      `node ${node.id} is the last manager of the cluster; it cannot be demoted`,
    );
  const check = quorumAfterRemoval(ctx, raftId);
  if (!check.ok)
    throw statusError(
      grpc.status.FAILED_PRECONDITION,
      `demoting node ${node.id} would leave ${check.reachable} reachable managers out of ${check.remaining}, ` +
        `below the quorum of ${check.quorum}; bring the other managers back first`,
    );
}

export const nodeMethods: ControlMethods = {
  GetNode: async (req: GetNodeRequest__Output, ctx) => ({
    node: withLiveStatus(ctx, findNode(ctx, req.nodeId)),
  }),

  ListNodes: async (req: ListNodesRequest__Output, ctx) => {
    const f = req.filters;
    const common = f?.common;
    const nodes = ctx.local.list('nodes').filter((n) => {
      if (common?.names.length && !common.names.includes(n.description?.hostname ?? '')) return false;
      if (
        common?.namePrefixes.length &&
        !common.namePrefixes.some((p) => (n.description?.hostname ?? '').startsWith(p))
      )
        return false;
      if (common?.idPrefixes.length && !common.idPrefixes.some((p) => n.id.startsWith(p))) return false;
      if (
        common &&
        Object.keys(common.labels).length &&
        !labelsMatch(n.spec?.annotations?.labels, common.labels)
      )
        return false;
      if (f?.roles.length && !f.roles.includes(n.role)) return false;
      if (f?.memberships.length && !f.memberships.includes(n.spec?.membership ?? 'PENDING')) return false;
      return true;
    });
    return { nodes: nodes.map((n) => withLiveStatus(ctx, n)) };
  },

  UpdateNode: async (req: UpdateNodeRequest__Output, ctx) => {
    const spec = checkSpec(req.spec);
    const current = findNode(ctx, req.nodeId);
    if (current.spec?.desiredRole === 'manager' && spec.desiredRole === 'worker') checkDemotion(ctx, current);
    const updated = await ctx.store.update((tx) => {
      const node = tx.nodes.get(current.id);
      if (!node) throw statusError(grpc.status.NOT_FOUND, `node ${req.nodeId} not found`);
      if (req.nodeVersion && node.meta && node.meta.version !== req.nodeVersion)
        throw statusError(
          grpc.status.ABORTED,
          `update out of sequence: node ${node.id} is at version ${node.meta.version}, the change was made against version ${req.nodeVersion}; read it again and retry`,
        );
      node.spec = spec;
      return tx.nodes.update(node);
    });
    return { node: withLiveStatus(ctx, ctx.local.get('nodes', updated.id) ?? updated) };
  },

  RemoveNode: async (req: RemoveNodeRequest__Output, ctx) => {
    const node = findNode(ctx, req.nodeId);
    const raftId = node.managerStatus?.raftId;
    const { voters, learners } = ctx.raft.members;
    // A manager that left raft (demoted, or dropped by --force-new-cluster) may go.
    if (raftId && (voters.includes(raftId) || learners.includes(raftId)))
      throw statusError(
        grpc.status.FAILED_PRECONDITION,
        `node ${node.id} is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal`,
      );
    if (node.status?.state !== 'DOWN' && !req.force)
      throw statusError(
        grpc.status.FAILED_PRECONDITION,
        `node ${node.id} is not down and can't be removed; stop it first or use --force`,
      );
    await ctx.store.update((tx) => tx.nodes.delete(node.id));
    return {};
  },
};
