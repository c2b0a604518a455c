// What the manager's services share: who this manager is, its raft member and store, and
// how to reach the leader. Services get this instead of reaching into each other.
import * as grpc from '@grpc/grpc-js';
import type { RaftNode } from '../raft/node';
import type { MemoryStore, ProposingStore, SlimApplyResult } from './store';
import type { NodeCredentials, PeerAuthenticator } from './ca';
import { statusError } from './ca';
import type { Node } from './api-types';
import { ManagerConnections } from './forwarding';
import { noQuorumError } from './errors';
import { LogBroker } from './logs/broker';

/** Structurally the daemon's logger; modules here never write to stdout themselves. */
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

export type LeaderRoute = { self: true } | { self: false; address: string };

export class ManagerContext {
  readonly connections: ManagerConnections;
  /** Log subscriptions (`service logs`): used on the leader by the control API and dispatcher. */
  readonly logs: LogBroker;

  constructor(
    readonly nodeId: string,
    readonly clusterId: string,
    readonly raft: RaftNode<SlimApplyResult>,
    readonly local: MemoryStore,
    readonly store: ProposingStore,
    readonly authenticator: PeerAuthenticator,
    readonly credentials: () => NodeCredentials,
    readonly controlAddr: string,
    readonly raftAddr: string,
    readonly logger: Logger,
  ) {
    this.connections = new ManagerConnections(credentials, clusterId);
    this.logs = new LogBroker(local);
  }

  get isLeader(): boolean {
    return this.raft.isLeader;
  }

  /** The manager node whose raft id is `raftId`, if the store knows it. */
  managerByRaftId(raftId: number): Node | undefined {
    return this.local.byIndex('nodes', 'role', 'manager').find((n) => n.managerStatus?.raftId === raftId);
  }

  /** The leader's cluster API address, if a leader is known and recorded. */
  leaderAddress(): string | undefined {
    const lead = this.raft.leader;
    if (!lead) return undefined;
    if (lead === this.raft.id) return this.controlAddr;
    return this.managerByRaftId(lead)?.managerStatus?.addr || undefined;
  }

  /**
   * Where a request must be served: here if this manager leads, else the leader's
   * address. Waits up to `waitMs` for an election; then fails with "no quorum".
   */
  async leaderRoute(waitMs: number): Promise<LeaderRoute> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      if (this.raft.isLeader) return { self: true };
      const address = this.leaderAddress();
      if (address) return { self: false, address };
      const left = deadline - Date.now();
      if (left <= 0) break;
      await new Promise((r) => setTimeout(r, Math.min(50, left)));
    }
    const { voters } = this.raft.members;
    throw noQuorumError(
      `this manager sees no leader (raft term ${this.raft.currentTerm}, ${voters.length} voting managers; ` +
        `${Math.floor(voters.length / 2) + 1} must be reachable)`,
    );
  }

  /** A node's record, or PERMISSION_DENIED: certificates outlive removed nodes (no revocation). */
  requireNodeRecord(nodeId: string): Node {
    const node = this.local.get('nodes', nodeId);
    if (!node)
      throw statusError(
        grpc.status.PERMISSION_DENIED,
        `node ${nodeId} is not a member of this cluster (it was removed); it must join again`,
      );
    return node;
  }
}
