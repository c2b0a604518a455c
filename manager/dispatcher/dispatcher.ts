// The dispatcher: agents' sessions with the managers (proto/dispatcher.proto). Only the
// leader keeps sessions; a follower answers FAILED_PRECONDITION naming the leader's
// address (metadata x-shoal-leader-addr) so the agent moves there. The leader marks a
// node READY when it registers and DOWN when its heartbeats stop (after 1.5 s once its
// connection broke, 5 s while it stays open: see node-status/heartbeats); after an
// election the new leader gives every node a grace period to find it first.
import * as crypto from 'crypto';
import * as grpc from '@grpc/grpc-js';
import { loadProto } from '../../proto/load';
import type { ProtoGrpcType } from '../../proto/gen/dispatcher';
import type { DispatcherHandlers } from '../../proto/gen/shoal/dispatcher/Dispatcher';
import type { WeightedPeer } from '../../proto/gen/shoal/dispatcher/WeightedPeer';
import type { AssignmentsMessage } from '../../proto/gen/shoal/dispatcher/AssignmentsMessage';
import type { NodeDescription, Task } from '../api-types';
import { statusError } from '../ca';
import { asServiceError, RedirectError, unaryCall as unary } from '../grpc-util';
import type { ManagerContext } from '../context';
import { LEADER_ADDR_HEADER } from '../forwarding';
import { translateRaftError } from '../errors';
import { HeartbeatTracker } from '../node-status/heartbeats';
import { managerPeers } from './manager-peers';
import { TaskFanout } from './task-fanout';
import { TaskStatusBatcher } from './status-batcher';
import { StallTolerantClock } from './stall';
import { logHandlers, SessionOf } from './logs';
import {
  DEFAULT_HEARTBEAT_PERIOD_MS,
  EXPIRY_CHECK_MS,
  connectedGraceFor,
  graceFor,
  NEW_LEADER_GRACE_MS,
} from '../node-status/timing';

interface Session {
  id: string;
  closeStreams: Set<() => void>;
  /** Open Assignments streams: while one is open, the agent's connection is alive. */
  openStreams: number;
}

export interface DispatcherOptions {
  heartbeatPeriodMs?: number;
  newLeaderGraceMs?: number;
}

export class Dispatcher {
  private readonly sessions = new Map<string, Session>();
  /** Deadlines run on a clock that does not count this manager's own stalls. */
  private readonly clock = new StallTolerantClock(6 * EXPIRY_CHECK_MS);
  private readonly tracker = new HeartbeatTracker(() => this.clock.now());
  private timer: NodeJS.Timeout | undefined;
  private leading = false;
  private readonly onRole = () => this.leadershipChanged();
  /** One store subscription for all Assignments streams, routed by node. */
  private readonly fanout: TaskFanout;
  /** Agents' task states, written in shared transactions. */
  private readonly statuses: TaskStatusBatcher;

  constructor(
    private readonly ctx: ManagerContext,
    private readonly opts: DispatcherOptions = {},
  ) {
    this.fanout = new TaskFanout(ctx.local);
    this.statuses = new TaskStatusBatcher(ctx.store);
  }

  start(): void {
    this.ctx.raft.on('role', this.onRole);
    this.leadershipChanged();
    this.timer = setInterval(() => this.expire(), EXPIRY_CHECK_MS);
  }

  stop(): void {
    this.ctx.raft.off('role', this.onRole);
    if (this.timer) clearInterval(this.timer);
    this.dropAll();
    this.ctx.logs.closeAll();
  }

  /** The configured period (cluster spec) or the default. */
  periodMs(): number {
    const ns = this.ctx.local.get('clusters', this.ctx.clusterId)?.spec?.dispatcher?.heartbeatPeriodNs ?? 0;
    return ns > 0 ? Math.round(ns / 1e6) : (this.opts.heartbeatPeriodMs ?? DEFAULT_HEARTBEAT_PERIOD_MS);
  }

  handlers(): DispatcherHandlers {
    return {
      Register: unary(async (call) => {
        const nodeId = this.authenticate(call);
        const session: Session = {
          id: crypto.randomBytes(12).toString('hex'),
          closeStreams: new Set(),
          openStreams: 0,
        };
        this.closeSession(nodeId);
        this.sessions.set(nodeId, session);
        this.tracker.beat(nodeId, graceFor(this.periodMs()));
        const addr = peerHost(call.getPeer());
        await this.setStatus(nodeId, 'READY', '', addr, call.request.description ?? undefined);
        return {
          sessionId: session.id,
          nodeId,
          heartbeatPeriodNs: this.periodMs() * 1e6,
          managers: this.managers(),
        };
      }),

      Heartbeat: unary(async (call) => {
        const nodeId = this.authenticate(call);
        this.requireSession(nodeId, call.request.sessionId);
        this.tracker.beat(nodeId, graceFor(this.periodMs()));
        const node = this.ctx.local.get('nodes', nodeId);
        return {
          periodNs: this.periodMs() * 1e6,
          managers: this.managers(),
          desiredRole: node?.spec?.desiredRole ?? '',
        };
      }),

      UpdateTaskStatus: unary(async (call) => {
        const nodeId = this.authenticate(call);
        this.requireSession(nodeId, call.request.sessionId);
        await this.statuses.submit(nodeId, call.request.updates);
        return {};
      }),

      Assignments: (call) => this.assignments(call),

      ...logHandlers(this.ctx.logs, (call, sessionId) => this.sessionOf(call, sessionId)),
    };
  }

  /** The caller's node and live session, for rpcs that live and die with it (logs). */
  private sessionOf(call: object, sessionId: string): SessionOf {
    const nodeId = this.authenticate(call as grpc.ServerUnaryCall<unknown, unknown>);
    const session = this.requireSession(nodeId, sessionId);
    return {
      nodeId,
      onClose: (fn) => {
        session.closeStreams.add(fn);
        return () => session.closeStreams.delete(fn);
      },
    };
  }

  // ---- sessions

  private authenticate(
    call: grpc.ServerUnaryCall<unknown, unknown> | grpc.ServerWritableStream<unknown, unknown>,
  ): string {
    const identity = this.ctx.authenticator.requireRole(call, 'manager', 'worker');
    if (!this.ctx.isLeader) {
      const leader = this.ctx.leaderAddress();
      const md = new grpc.Metadata();
      if (leader) md.set(LEADER_ADDR_HEADER, leader);
      throw new RedirectError(
        leader ? grpc.status.FAILED_PRECONDITION : grpc.status.UNAVAILABLE,
        leader ? `not the leader; the leader is at ${leader}` : 'no leader is known right now; retry',
        md,
      );
    }
    this.ctx.requireNodeRecord(identity.nodeId);
    return identity.nodeId;
  }

  private requireSession(nodeId: string, sessionId: string): Session {
    const s = this.sessions.get(nodeId);
    if (!s || s.id !== sessionId)
      throw statusError(
        grpc.status.NOT_FOUND,
        'session not found (superseded or the leader changed); register again',
      );
    return s;
  }

  private closeSession(nodeId: string): void {
    const s = this.sessions.get(nodeId);
    if (!s) return;
    for (const close of s.closeStreams) close();
    this.sessions.delete(nodeId);
  }

  private dropAll(): void {
    for (const id of [...this.sessions.keys()]) this.closeSession(id);
    this.tracker.clear();
  }

  private leadershipChanged(): void {
    const leading = this.ctx.isLeader;
    if (leading === this.leading) return;
    this.leading = leading;
    this.dropAll();
    if (!leading) return;
    // Nodes the old leader saw as up must reach us within the grace period.
    const grace = this.opts.newLeaderGraceMs ?? NEW_LEADER_GRACE_MS;
    for (const n of this.ctx.local.list('nodes')) {
      if (n.status?.state !== 'DOWN') this.tracker.expect(n.id, grace);
    }
  }

  private expire(): void {
    if (!this.leading) return;
    this.clock.tick();
    const whileConnected = {
      connected: (nodeId: string) => (this.sessions.get(nodeId)?.openStreams ?? 0) > 0,
      graceMs: connectedGraceFor(this.periodMs()),
    };
    for (const nodeId of this.tracker.takeExpired(whileConnected)) {
      const connection = whileConnected.connected(nodeId) ? 'open' : 'closed';
      this.closeSession(nodeId);
      const node = this.ctx.local.get('nodes', nodeId);
      if (!node || node.status?.state === 'DOWN') continue;
      this.ctx.logger.info('node missed its heartbeats: marking it down', { node: nodeId, connection });
      this.setStatus(nodeId, 'DOWN', 'heartbeat failure', node.status?.addr ?? '').catch((err: unknown) => {
        this.ctx.logger.warn('could not mark node down; will retry', { node: nodeId, error: err as Error });
        this.tracker.expect(nodeId, EXPIRY_CHECK_MS * 5);
      });
    }
  }

  private async setStatus(
    nodeId: string,
    state: 'READY' | 'DOWN',
    message: string,
    addr: string,
    description?: NodeDescription,
  ): Promise<void> {
    try {
      await this.ctx.store.update(
        (tx) => {
          const node = tx.nodes.get(nodeId);
          if (!node) return;
          node.status = { state, message, addr };
          if (description) node.description = description;
          tx.nodes.update(node);
        },
        { retries: 5 },
      );
    } catch (err) {
      throw translateRaftError(err);
    }
  }

  private managers(): WeightedPeer[] {
    return managerPeers(this.ctx.local.byIndex('nodes', 'role', 'manager'));
  }

  // ---- assignments: a COMPLETE set of the node's tasks, then changes as they happen

  private assignments(call: grpc.ServerWritableStream<{ sessionId: string }, AssignmentsMessage>): void {
    let nodeId: string;
    let session: Session;
    try {
      nodeId = this.authenticate(call);
      session = this.requireSession(nodeId, call.request.sessionId);
    } catch (err) {
      call.emit('error', asServiceError(err));
      return;
    }
    let seq = 0;
    const next = () => String(++seq);
    const taskChange = (task: Task, remove: boolean) => ({
      assignment: { task },
      action: remove ? ('REMOVE' as const) : ('UPDATE' as const),
    });
    call.write({
      type: 'COMPLETE',
      appliesTo: '',
      resultsIn: next(),
      changes: this.ctx.local.tasksByNode(nodeId).map((t) => taskChange(t, false)),
    });
    const unsubscribe = this.fanout.listen(nodeId, (taskChanges) => {
      const changes = taskChanges.map((c) => taskChange(c.task, c.remove));
      const appliesTo = String(seq);
      call.write({ type: 'INCREMENTAL', appliesTo, resultsIn: next(), changes });
    });
    session.openStreams++;
    let open = true;
    const ended = () => {
      if (!open) return;
      open = false;
      session.openStreams--;
      unsubscribe();
      session.closeStreams.delete(close);
    };
    const close = () => {
      ended();
      call.end();
    };
    session.closeStreams.add(close);
    // The client cancelled, or its connection broke (a killed agent's kernel closes it).
    call.on('cancelled', ended);
  }

  static addTo(server: grpc.Server, dispatcher: Dispatcher): void {
    const proto = loadProto<ProtoGrpcType>('dispatcher.proto');
    server.addService(proto.shoal.dispatcher.Dispatcher.service, dispatcher.handlers());
  }
}

/** "ipv4:10.0.0.5:41234" / "ipv6:[::1]:5000" -> the host part. */
export function peerHost(peer: string): string {
  const p = peer.replace(/^ipv[46]:/, '');
  const v6 = /^\[([^\]]+)\]/.exec(p);
  if (v6) return v6[1];
  const i = p.lastIndexOf(':');
  return i > 0 ? p.slice(0, i) : p;
}
