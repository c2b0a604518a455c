// Swarm's quorum safety: a manager may leave (or be demoted) only if the managers that
// remain, counting only those reachable now, still form a majority of what remains.
import type { ManagerContext } from '../context';

export interface QuorumCheck {
  ok: boolean;
  remaining: number;
  reachable: number;
  quorum: number;
}

export const quorumOf = (voters: number): number => Math.floor(voters / 2) + 1;

/** Pure: `reachable` tells whether a remaining voter is up. */
export function checkRemoval(
  voters: number[],
  removing: number,
  reachable: (id: number) => boolean,
): QuorumCheck {
  const rest = voters.filter((v) => v !== removing);
  const up = rest.filter(reachable).length;
  const quorum = quorumOf(rest.length);
  return { ok: rest.length > 0 && up >= quorum, remaining: rest.length, reachable: up, quorum };
}

export function isManagerReachable(ctx: ManagerContext, raftId: number): boolean {
  if (raftId === ctx.raft.id) return true;
  return ctx.managerByRaftId(raftId)?.status?.state === 'READY';
}

export function quorumAfterRemoval(ctx: ManagerContext, raftId: number): QuorumCheck {
  return checkRemoval(ctx.raft.members.voters, raftId, (id) => isManagerReachable(ctx, id));
}
