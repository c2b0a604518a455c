// The driver around the pure core: timers, disk (DiskStorage), network (GrpcTransport)
// and the Ready loop. One Ready at a time, in the order the core requires:
//   persist (one write + at most one fdatasync) -> send -> apply -> advance.
// Proposals and incoming messages keep flowing into the core while a Ready is being
// persisted; they form the next Ready, so one fsync covers every proposal that arrived
// during the previous one.
import { EventEmitter } from 'events';
import * as crypto from 'crypto';
import { RawNode } from './core/raw-node';
import { decodeConfChange } from './core/confchange-codec';
import {
  ConfChange,
  ConfChangeType,
  ConfState,
  Entry,
  EntryType,
  Message,
  MessageType,
  NodeId,
  NotLeaderError,
  ProposalDroppedError,
  Ready,
  StateRole,
  assertIndex,
} from './types';
import { DiskStorage } from './storage';
import { GrpcTransport, TransportOptions, TransportTls } from './transport';
import { unwrapProposal, wrapProposal } from './node/envelope';
import { unwrapSnapshot, wrapSnapshot } from './node/snapshot-envelope';

/** The replicated state machine. `apply` runs once per committed command, in log order. */
export interface StateMachine<R = unknown> {
  apply(entry: Entry): R;
  snapshot(): Uint8Array;
  restore(data: Uint8Array): void;
}

export interface RaftNodeOptions<R> {
  id: NodeId;
  dataDir: string;
  /** host:port for the raft transport (port 0: any free port; see `port`). */
  listen: string;
  stateMachine: StateMachine<R>;
  /** Known addresses of other members (more are learnt from conf changes and snapshots). */
  peers?: Record<number, string> | Map<NodeId, string>;
  /** Voters of a brand-new cluster; used only when the data dir is empty. Omit to join. */
  bootstrap?: NodeId[];
  tls?: TransportTls;
  /** Checks the caller of every inbound raft rpc; see TransportOptions.authorize. */
  authorizePeer?: TransportOptions['authorize'];
  tickMs?: number;
  electionTicks?: number;
  /**
   * Ticks between a leader's heartbeats (default 2: 200 ms, five per election timeout).
   * Every tick was twice the idle traffic between managers for no faster failover: a
   * follower notices a dead leader by its election timeout, not by the heartbeat rate.
   */
  heartbeatTicks?: number;
  /** Take a snapshot (and compact the log) every this many applied entries. */
  snapshotEvery?: number;
  /** Entries kept behind a snapshot so slightly slow followers need no snapshot. */
  snapshotCatchUpEntries?: number;
  maxSizePerMsg?: number;
  maxInflightMsgs?: number;
  segmentBytes?: number;
  /**
   * When the stream to the leader breaks (its process died and the OS closed its
   * sockets), skip the un-randomized part of the election timeout. Safe: pre-vote and
   * check-quorum leases keep a live leader in place if others still hear from it.
   */
  fastLeaderLossDetection?: boolean;
  /** Turns an apply result into bytes for the Propose rpc. */
  encodeResult?: (result: R) => Uint8Array | undefined;
  logger?: (msg: string) => void;
  /** Milliseconds before a read or conf change without an answer is rejected. */
  requestTimeoutMs?: number;
}

export interface LeaderChange {
  leader: NodeId; // 0 while unknown
  term: number;
  role: StateRole;
}

interface Pending<R> {
  resolve(v: { index: number; result: R }): void;
  reject(e: Error): void;
  term: number;
}

interface PendingRead {
  resolve(): void;
  reject(e: Error): void;
  index: number; // -1 until the core answers
  timer: NodeJS.Timeout;
}

interface PendingConf {
  cc: ConfChange;
  resolve(cs: ConfState): void;
  reject(e: Error): void;
  timer: NodeJS.Timeout;
}

const SEND_BEFORE_PERSIST = new Set<MessageType>([MessageType.App, MessageType.Heartbeat, MessageType.Snap]);

export class NodeStoppedError extends Error {
  constructor() {
    super('the raft node is stopped');
    this.name = 'NodeStoppedError';
  }
}

export class RaftNode<R = unknown> extends EventEmitter {
  readonly id: NodeId;
  private readonly rn: RawNode;
  private readonly boot = crypto.randomBytes(4).readUInt32LE(0);
  private seq = 0;
  private readonly pending = new Map<number, Pending<R>>();
  private queued: Uint8Array[] = [];
  private queuedSeqs: number[] = [];
  private readonly reads = new Map<string, PendingRead>();
  private readCounter = 0;
  private pendingConf: PendingConf | undefined;
  private transferWaiters: Array<{
    to: NodeId;
    resolve(): void;
    reject(e: Error): void;
    timer: NodeJS.Timeout;
  }> = [];
  private readonly addresses = new Map<NodeId, string>();
  private confState: ConfState;
  private applied: number;
  private snapshotIndex: number;
  private lead: NodeId = 0;
  private role: StateRole = StateRole.Follower;
  private term: number;
  private ticker: NodeJS.Timeout | undefined;
  private wakeScheduled = false;
  private wake: (() => void) | undefined;
  private loopDone: Promise<void> = Promise.resolve();
  private stopped = false;
  private snapshotSoon = false;
  private readonly appliedWaiters = new Set<{
    index: number;
    resolve(): void;
    reject(e: Error): void;
    timer: NodeJS.Timeout;
  }>();
  /** Counters for benchmarks and diagnostics (monotonic since start). */
  readonly metrics = { readies: 0, syncs: 0, entriesPersisted: 0, messagesSent: 0, applied: 0, snapshots: 0 };
  private readonly opts: Required<
    Pick<
      RaftNodeOptions<R>,
      | 'tickMs'
      | 'electionTicks'
      | 'heartbeatTicks'
      | 'snapshotEvery'
      | 'snapshotCatchUpEntries'
      | 'requestTimeoutMs'
    >
  > &
    RaftNodeOptions<R>;

  private constructor(
    opts: RaftNodeOptions<R>,
    private readonly storage: DiskStorage,
    readonly transport: GrpcTransport,
  ) {
    super();
    this.opts = {
      tickMs: 100,
      electionTicks: 10,
      heartbeatTicks: 2,
      snapshotEvery: 10_000,
      snapshotCatchUpEntries: 5_000,
      requestTimeoutMs: 5_000,
      ...opts,
    };
    this.id = opts.id;
    const snap = storage.snapshot();
    this.applied = snap.meta.index;
    this.snapshotIndex = snap.meta.index;
    const { state, addresses } = unwrapSnapshot(snap.data);
    if (snap.meta.index > 0) opts.stateMachine.restore(state);
    for (const [id, addr] of addresses) this.addresses.set(id, addr);
    for (const [id, addr] of toMap(opts.peers)) this.addresses.set(id, addr);
    for (const [id, addr] of this.addresses) transport.addPeer(id, addr);
    this.confState = storage.initialState().confState;
    this.term = storage.initialState().hardState.term;
    this.rn = new RawNode({
      id: opts.id,
      storage,
      electionTick: this.opts.electionTicks,
      heartbeatTick: this.opts.heartbeatTicks,
      applied: this.applied,
      maxSizePerMsg: opts.maxSizePerMsg ?? 1024 * 1024,
      maxInflightMsgs: opts.maxInflightMsgs ?? 256,
      maxCommittedSizePerReady: 64 * 1024 * 1024,
      checkQuorum: true,
      preVote: true,
      disableProposalForwarding: true,
      random: Math.random,
    });
  }

  /** Opens the data dir (recovering the WAL and snapshot), starts the transport and the loop. */
  static async start<R>(opts: RaftNodeOptions<R>): Promise<RaftNode<R>> {
    validate(opts);
    const log = opts.logger ?? (() => {});
    const storage = DiskStorage.open(opts.dataDir, { logger: log, segmentBytes: opts.segmentBytes });
    try {
      if (storage.isEmpty() && opts.bootstrap && opts.bootstrap.length > 0) {
        await bootstrapStorage(storage, opts);
      }
      // The transport needs the node's handlers and the node needs the transport.
      const ref: { node?: RaftNode<R> } = {};
      const transport = new GrpcTransport({
        id: opts.id,
        listen: opts.listen,
        tls: opts.tls,
        authorize: opts.authorizePeer,
        handler: {
          onMessages: (msgs) => ref.node?.onMessages(msgs),
          onUnreachable: (id) => ref.node?.onUnreachable(id),
          onSnapshotStatus: (id, ok) => ref.node?.onSnapshotStatus(id, ok),
          onPropose: (data, forwarded) => {
            const node = ref.node;
            if (!node) return Promise.reject(new NodeStoppedError());
            return forwarded ? node.proposeForRpc(data) : node.proposeViaLeader(data);
          },
        },
      });
      const node = new RaftNode(opts, storage, transport);
      ref.node = node;
      await transport.start();
      node.begin();
      return node;
    } catch (err) {
      await storage.close();
      throw err;
    }
  }

  get port(): number {
    return this.transport.port;
  }
  get leader(): NodeId {
    return this.lead;
  }
  get isLeader(): boolean {
    return this.role === StateRole.Leader;
  }
  get appliedIndex(): number {
    return this.applied;
  }
  get currentTerm(): number {
    return this.term;
  }
  get members(): ConfState {
    return { voters: [...this.confState.voters], learners: [...this.confState.learners] };
  }
  status(): ReturnType<RawNode['status']> {
    return this.rn.status();
  }

  /**
   * Proposes a command on this node, which must be the leader (else NotLeaderError naming
   * the leader). Resolves with the state machine's result once applied here. Rejects with
   * ProposalDroppedError if leadership is lost first: the command may or may not apply.
   */
  propose(data: Uint8Array): Promise<R> {
    return this.proposeIndexed(data).then((r) => r.result);
  }

  proposeIndexed(data: Uint8Array): Promise<{ index: number; result: R }> {
    if (this.stopped) return Promise.reject(new NodeStoppedError());
    if (this.role !== StateRole.Leader) return Promise.reject(new NotLeaderError(this.lead));
    const seq = ++this.seq;
    this.queued.push(wrapProposal({ proposer: this.id, boot: this.boot, seq }, data));
    this.queuedSeqs.push(seq);
    this.schedule();
    return new Promise((resolve, reject) => this.pending.set(seq, { resolve, reject, term: this.term }));
  }

  /** Proposes here if leader, else forwards to the leader's Propose rpc (result as bytes). */
  async proposeViaLeader(data: Uint8Array): Promise<{ index: number; result?: Uint8Array }> {
    if (this.role === StateRole.Leader) return this.proposeForRpc(data);
    const leader = this.lead || (await this.waitForLeader(this.opts.requestTimeoutMs));
    if (leader === this.id) return this.proposeForRpc(data);
    return this.transport.propose(leader, data, this.opts.requestTimeoutMs);
  }

  /**
   * Linearizable read barrier: resolves once this node has applied everything committed
   * before the call (confirmed by a quorum through the leader), so a local read is current.
   */
  readBarrier(): Promise<void> {
    if (this.stopped) return Promise.reject(new NodeStoppedError());
    const ctx = Buffer.allocUnsafe(12);
    ctx.writeUInt32LE(this.boot, 0);
    ctx.writeDoubleLE(++this.readCounter, 4);
    const key = ctx.toString('hex');
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.reads.delete(key);
        reject(new ProposalDroppedError('read index timed out (no leader reachable?)'));
      }, this.opts.requestTimeoutMs);
      this.reads.set(key, { resolve, reject, index: -1, timer });
      try {
        this.rn.readIndex(ctx);
      } catch (err) {
        clearTimeout(timer);
        this.reads.delete(key);
        reject(err as Error);
        return;
      }
      this.schedule();
    });
  }

  /** Reads from the state machine linearizably. */
  async read<T>(fn: () => T): Promise<T> {
    await this.readBarrier();
    return fn();
  }

  addMember(id: NodeId, address: string, opts: { learner?: boolean } = {}): Promise<ConfState> {
    assertIndex(id, 'member id');
    if (!address) return Promise.reject(new TypeError('address is required'));
    const type = opts.learner ? ConfChangeType.AddLearner : ConfChangeType.AddVoter;
    return this.confChange({ type, nodeId: id, context: new Uint8Array(Buffer.from(address)) });
  }

  /** Turns a learner into a voter. */
  promote(id: NodeId): Promise<ConfState> {
    const address = this.addresses.get(id);
    return this.confChange({
      type: ConfChangeType.AddVoter,
      nodeId: id,
      context: address ? new Uint8Array(Buffer.from(address)) : undefined,
    });
  }

  removeMember(id: NodeId): Promise<ConfState> {
    return this.confChange({ type: ConfChangeType.RemoveVoter, nodeId: id });
  }

  /** Asks the leader (this node) to hand leadership to `to`; resolves when `to` leads. */
  transferLeadership(to: NodeId): Promise<void> {
    if (this.stopped) return Promise.reject(new NodeStoppedError());
    if (this.lead === to) return Promise.resolve();
    if (this.role !== StateRole.Leader) return Promise.reject(new NotLeaderError(this.lead));
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.transferWaiters = this.transferWaiters.filter((w) => w.timer !== timer);
        reject(
          new Error(`leadership transfer to ${to} did not complete in ${this.opts.requestTimeoutMs} ms`),
        );
      }, this.opts.requestTimeoutMs);
      this.transferWaiters.push({ to, resolve, reject, timer });
      try {
        this.rn.transferLeader(to);
      } catch (err) {
        clearTimeout(timer);
        this.transferWaiters.pop();
        reject(err as Error);
        return;
      }
      this.schedule();
    });
  }

  /** Resolves with the leader's id once one is known (now or within `timeoutMs`). */
  waitForLeader(timeoutMs = this.opts.requestTimeoutMs): Promise<NodeId> {
    if (this.lead) return Promise.resolve(this.lead);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('leader', on);
        reject(new ProposalDroppedError(`no leader elected within ${timeoutMs} ms`));
      }, timeoutMs);
      const on = (c: LeaderChange) => {
        if (!c.leader) return;
        clearTimeout(timer);
        this.off('leader', on);
        resolve(c.leader);
      };
      this.on('leader', on);
    });
  }

  /** Stops timers, transport and loop; pending requests are rejected. Data stays on disk. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.ticker) clearInterval(this.ticker);
    this.wake?.();
    await this.loopDone;
    await this.transport.stop();
    this.failAll(new NodeStoppedError());
    await this.storage.close();
    this.emit('stopped');
  }

  // ---- internals ----

  private begin(): void {
    this.ticker = setInterval(() => {
      this.rn.tick();
      this.schedule();
    }, this.opts.tickMs);
    this.loopDone = this.loop().catch((err: Error) => {
      this.opts.logger?.(`raft node ${this.id}: fatal error in the ready loop: ${err.stack ?? err.message}`);
      if (this.listenerCount('error') > 0) this.emit('error', err);
      void this.stop();
    });
  }

  private schedule(): void {
    if (this.wakeScheduled || !this.wake) return;
    this.wakeScheduled = true;
    // setImmediate rather than a microtask: lets every message and proposal that arrived in
    // this turn of the event loop join the same Ready.
    setImmediate(() => {
      this.wakeScheduled = false;
      const w = this.wake;
      this.wake = undefined;
      w?.();
    });
  }

  private onMessages(msgs: Message[]): void {
    if (this.stopped) return;
    for (const m of msgs) {
      // A member whose data was wiped (rejoining under its old id) hears a commit index
      // beyond its empty log; the core would refuse it and never answer, leaving the leader
      // unaware that it must send a snapshot. Knowing less is always safe: clamp it.
      if (m.type === MessageType.Heartbeat && m.commit) {
        const last = this.rn.raft.raftLog.lastIndex();
        if (m.commit > last) m.commit = last;
      }
      try {
        this.rn.step(m);
      } catch (err) {
        this.opts.logger?.(
          `raft node ${this.id}: dropped ${m.type} from ${m.from}: ${(err as Error).message}`,
        );
      }
    }
    this.schedule();
  }

  private onUnreachable(id: NodeId): void {
    if (this.stopped) return;
    this.rn.reportUnreachable(id);
    if (id === this.lead && this.role === StateRole.Follower && this.opts.fastLeaderLossDetection !== false) {
      // Jump to the base election timeout: what remains is the randomized part, which keeps
      // followers that noticed at the same moment from splitting the vote.
      const r = this.rn.raft;
      while (r.electionElapsed < r.cfg.electionTick - 1 && r.state === StateRole.Follower) this.rn.tick();
    }
    this.schedule();
  }

  private onSnapshotStatus(id: NodeId, ok: boolean): void {
    if (this.stopped) return;
    this.rn.reportSnapshot(id, ok);
    this.schedule();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      this.flushProposals();
      if (!this.rn.hasReady()) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        continue;
      }
      const rd = this.rn.ready();
      await this.handleReady(rd);
      this.rn.advance();
      if (this.appliedWaiters.size > 0) this.resolveAppliedWaiters();
      await this.maybeSnapshot();
    }
  }

  private flushProposals(): void {
    if (this.queued.length === 0) return;
    const datas = this.queued;
    const seqs = this.queuedSeqs;
    this.queued = [];
    this.queuedSeqs = [];
    try {
      this.rn.proposeBatch(datas);
    } catch (err) {
      for (const s of seqs) {
        const p = this.pending.get(s);
        this.pending.delete(s);
        p?.reject(err as Error);
      }
    }
  }

  private async handleReady(rd: Ready): Promise<void> {
    if (rd.softState) this.onSoftState(rd.softState.lead, rd.softState.role, rd.hardState?.term ?? this.term);
    else if (rd.hardState && rd.hardState.term !== this.term) this.onTermChange(rd.hardState.term);
    if (rd.hardState) this.term = rd.hardState.term;

    this.metrics.readies++;
    // A leader's appends and heartbeats acknowledge nothing of its own, so they may leave
    // before its fsync (Raft thesis 10.2.1; etcd does the same): the leader's disk write and
    // the followers' then overlap. The core counts the leader's own entries toward the quorum
    // only after advance(), i.e. after they are durable. Everything else waits for the disk.
    let messages = rd.messages;
    if (this.rn.raft.state === StateRole.Leader && messages.length > 0) {
      const early = messages.filter((m) => SEND_BEFORE_PERSIST.has(m.type));
      if (early.length > 0) {
        messages = messages.filter((m) => !SEND_BEFORE_PERSIST.has(m.type));
        this.transport.send(early);
      }
    }
    let appliedEarly = false;
    if (rd.snapshot || rd.entries.length > 0 || rd.hardState) {
      const durable = rd.mustSync || rd.entries.length > 0 || rd.snapshot !== undefined;
      if (durable) this.metrics.syncs++;
      this.metrics.entriesPersisted += rd.entries.length;
      const saved = this.storage.save({
        hardState: rd.hardState,
        entries: rd.entries,
        snapshot: rd.snapshot,
        sync: rd.mustSync,
      });
      if (!durable && rd.committedEntries.length > 0) {
        // Only the commit index changes here, written without fsync: nothing waits for
        // it to be durable (a restart learns the commit index again from the leader),
        // and the entries being applied were made durable by an earlier Ready. So apply
        // them while it is written: that write was ~20% of a lone proposal's latency.
        this.applyCommitted(rd);
        appliedEarly = true;
      }
      await saved;
    }
    if (this.stopped) return;
    if (rd.snapshot)
      this.installSnapshot(rd.snapshot.data, rd.snapshot.meta.index, rd.snapshot.meta.confState);
    if (messages.length > 0) this.transport.send(messages);
    this.metrics.messagesSent += rd.messages.length;
    for (const rs of rd.readStates) {
      const read = this.reads.get(Buffer.from(rs.requestCtx).toString('hex'));
      if (read) read.index = rs.index;
    }
    if (!appliedEarly) this.applyCommitted(rd);
    this.resolveReads();
  }

  private applyCommitted(rd: Ready): void {
    this.metrics.applied += rd.committedEntries.length;
    for (const e of rd.committedEntries) this.applyEntry(e);
  }

  private onSoftState(lead: NodeId, role: StateRole, term: number): void {
    const wasLeader = this.role === StateRole.Leader;
    const leaderChanged = lead !== this.lead;
    this.lead = lead;
    this.role = role;
    if (wasLeader && role !== StateRole.Leader) {
      this.failProposals(
        new ProposalDroppedError('leadership lost before the command was applied; it may still apply'),
      );
      this.failConf(
        new ProposalDroppedError('leadership lost before the conf change was applied; it may still apply'),
      );
    }
    if (leaderChanged) {
      for (const w of this.transferWaiters.filter((x) => x.to === lead)) {
        clearTimeout(w.timer);
        w.resolve();
      }
      this.transferWaiters = this.transferWaiters.filter((x) => x.to !== lead);
      // Reads the old leader never answered will not be answered now.
      for (const [key, r] of this.reads) {
        if (r.index >= 0) continue;
        clearTimeout(r.timer);
        this.reads.delete(key);
        r.reject(new ProposalDroppedError('leader changed before the read was confirmed'));
      }
      this.emit('leader', { leader: lead, term, role } satisfies LeaderChange);
    }
    this.emit('role', role);
  }

  private onTermChange(term: number): void {
    // Leader -> follower -> leader again between two Readies: proposals of the old term
    // may have been overwritten and would otherwise wait forever.
    for (const [seq, p] of this.pending) {
      if (p.term < term) {
        this.pending.delete(seq);
        p.reject(
          new ProposalDroppedError('a new term began before the command was applied; it may still apply'),
        );
      }
    }
  }

  private applyEntry(e: Entry): void {
    if (e.index <= this.applied) return;
    if (e.type === EntryType.ConfChange) {
      this.applyConfChange(e);
    } else if (e.data.length > 0) {
      const env = unwrapProposal(e.data);
      const payload = env ? env.payload : e.data;
      let result: R | undefined;
      let failure: Error | undefined;
      try {
        result = this.opts.stateMachine.apply({ ...e, data: payload });
      } catch (err) {
        // A deterministic failure: every member fails the same way; the caller learns why.
        failure = err as Error;
      }
      if (env && env.tag.proposer === this.id && env.tag.boot === this.boot) {
        const p = this.pending.get(env.tag.seq);
        if (p) {
          this.pending.delete(env.tag.seq);
          if (failure) p.reject(failure);
          else p.resolve({ index: e.index, result: result as R });
        }
      }
    }
    this.applied = e.index;
  }

  private applyConfChange(e: Entry): void {
    const cc = decodeConfChange(e.data);
    const cs = this.rn.applyConfChange(cc);
    this.confState = cs;
    const address = cc.context && cc.context.length ? Buffer.from(cc.context).toString() : undefined;
    if (cc.type === ConfChangeType.RemoveVoter) {
      this.addresses.delete(cc.nodeId);
      if (cc.nodeId !== this.id) this.transport.removePeer(cc.nodeId);
    } else if (address) {
      this.addresses.set(cc.nodeId, address);
      if (cc.nodeId !== this.id) this.transport.addPeer(cc.nodeId, address);
    }
    const inSnapshot = this.storage.snapshot().meta.confState;
    if (
      cc.type !== ConfChangeType.RemoveVoter &&
      !inSnapshot.voters.includes(cc.nodeId) &&
      !inSnapshot.learners.includes(cc.nodeId)
    ) {
      // A new member can only be started from a snapshot whose membership includes it (the
      // core rightly refuses any other), so make one now rather than after snapshotEvery.
      this.snapshotSoon = true;
    }
    void this.storage
      .saveConfState(cs)
      .catch((err: Error) => this.opts.logger?.(`saving conf state: ${err.message}`));
    const p = this.pendingConf;
    if (p && p.cc.type === cc.type && p.cc.nodeId === cc.nodeId) {
      this.pendingConf = undefined;
      clearTimeout(p.timer);
      p.resolve(cs);
    }
    this.emit('members', cs);
    if (cc.type === ConfChangeType.RemoveVoter && cc.nodeId === this.id) this.emit('removed');
  }

  private installSnapshot(data: Uint8Array, index: number, confState: ConfState): void {
    const { state, addresses } = unwrapSnapshot(data);
    this.opts.stateMachine.restore(state);
    for (const [id, addr] of addresses) {
      this.addresses.set(id, addr);
      if (id !== this.id) this.transport.addPeer(id, addr);
    }
    this.confState = confState;
    this.applied = index;
    this.snapshotIndex = index;
  }

  // After advance(): waiters may act on the core (e.g. propose a conf change), which must
  // already know that the entries were applied.
  private resolveAppliedWaiters(): void {
    for (const w of this.appliedWaiters) {
      if (w.index <= this.applied) {
        clearTimeout(w.timer);
        this.appliedWaiters.delete(w);
        w.resolve();
      }
    }
  }

  private resolveReads(): void {
    for (const [key, r] of this.reads) {
      if (r.index >= 0 && r.index <= this.applied) {
        clearTimeout(r.timer);
        this.reads.delete(key);
        r.resolve();
      }
    }
  }

  private async maybeSnapshot(): Promise<void> {
    if (!this.snapshotSoon && this.applied - this.snapshotIndex < this.opts.snapshotEvery) return;
    this.snapshotSoon = false;
    const index = this.applied;
    const data = wrapSnapshot(this.addresses, this.opts.stateMachine.snapshot());
    await this.storage.createSnapshot(index, this.confState, data, this.opts.snapshotCatchUpEntries);
    this.snapshotIndex = index;
    this.metrics.snapshots++;
  }

  private async confChange(cc: ConfChange): Promise<ConfState> {
    if (this.stopped) throw new NodeStoppedError();
    if (this.role !== StateRole.Leader) throw new NotLeaderError(this.lead);
    // A new leader takes no conf change before it has applied the first entry of its term
    // (the previous leader's change may still be in flight); wait for that instead of failing.
    await this.waitApplied(this.rn.raft.leaderStartIndex, this.opts.requestTimeoutMs);
    if (this.role !== StateRole.Leader) throw new NotLeaderError(this.lead);
    if (this.pendingConf) throw new ProposalDroppedError('another conf change is in progress');
    return new Promise<ConfState>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (this.pendingConf?.timer === timer) this.pendingConf = undefined;
        reject(new ProposalDroppedError(`conf change not applied within ${this.opts.requestTimeoutMs} ms`));
      }, this.opts.requestTimeoutMs);
      this.pendingConf = { cc, resolve, reject, timer };
      try {
        this.rn.proposeConfChange(cc);
      } catch (err) {
        clearTimeout(timer);
        this.pendingConf = undefined;
        reject(err as Error);
        return;
      }
      this.schedule();
    });
  }

  /** Resolves once this node has applied `index` (or rejects after `timeoutMs`). */
  waitApplied(index: number, timeoutMs = this.opts.requestTimeoutMs): Promise<void> {
    if (this.applied >= index) return Promise.resolve();
    if (this.stopped) return Promise.reject(new NodeStoppedError());
    return new Promise((resolve, reject) => {
      const w = {
        index,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.appliedWaiters.delete(w);
          reject(new ProposalDroppedError(`index ${index} not applied within ${timeoutMs} ms`));
        }, timeoutMs),
      };
      this.appliedWaiters.add(w);
    });
  }

  private proposeForRpc(data: Uint8Array): Promise<{ index: number; result?: Uint8Array }> {
    return this.proposeIndexed(data).then(({ index, result }) => ({
      index,
      result: this.opts.encodeResult
        ? this.opts.encodeResult(result)
        : result instanceof Uint8Array
          ? result
          : undefined,
    }));
  }

  private failProposals(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
    this.queued = [];
    this.queuedSeqs = [];
  }

  private failConf(err: Error): void {
    const p = this.pendingConf;
    if (!p) return;
    this.pendingConf = undefined;
    clearTimeout(p.timer);
    p.reject(err);
  }

  private failAll(err: Error): void {
    this.failProposals(err);
    this.failConf(err);
    for (const r of this.reads.values()) {
      clearTimeout(r.timer);
      r.reject(err);
    }
    this.reads.clear();
    for (const w of this.transferWaiters) {
      clearTimeout(w.timer);
      w.reject(err);
    }
    this.transferWaiters = [];
    for (const w of this.appliedWaiters) {
      clearTimeout(w.timer);
      w.reject(err);
    }
    this.appliedWaiters.clear();
  }
}

// A new cluster starts from the same snapshot on every founding member: index 1, term 1,
// the founding voters, the empty state. A member that joins later (empty data dir, no
// bootstrap) needs entry 1, which no one has, so the leader sends it a snapshot, which
// carries the membership and the addresses; replaying entries could not teach it those.
async function bootstrapStorage<R>(storage: DiskStorage, opts: RaftNodeOptions<R>): Promise<void> {
  const voters = [...new Set(opts.bootstrap)];
  if (!voters.includes(opts.id)) throw new RangeError(`bootstrap must include this member's id ${opts.id}`);
  const addresses = toMap(opts.peers);
  if (!addresses.has(opts.id)) addresses.set(opts.id, opts.listen);
  await storage.save({
    snapshot: {
      meta: { index: 1, term: 1, confState: { voters, learners: [] } },
      data: wrapSnapshot(addresses, opts.stateMachine.snapshot()),
    },
    entries: [],
    hardState: { term: 1, vote: 0, commit: 1 },
  });
}

function toMap(peers: RaftNodeOptions<unknown>['peers']): Map<NodeId, string> {
  if (!peers) return new Map();
  if (peers instanceof Map) return peers;
  return new Map(Object.entries(peers).map(([k, v]) => [Number(k), v]));
}

function validate<R>(o: RaftNodeOptions<R>): void {
  if (!Number.isSafeInteger(o.id) || o.id <= 0)
    throw new RangeError(`id must be a positive integer, got ${o.id}`);
  if (!o.dataDir) throw new TypeError('dataDir is required');
  if (!o.stateMachine) throw new TypeError('stateMachine is required');
  for (const k of [
    'tickMs',
    'electionTicks',
    'heartbeatTicks',
    'snapshotEvery',
    'snapshotCatchUpEntries',
  ] as const) {
    const v = o[k];
    if (v !== undefined && (!Number.isSafeInteger(v) || v < (k === 'snapshotCatchUpEntries' ? 0 : 1))) {
      throw new RangeError(`${k} must be a positive integer, got ${v}`);
    }
  }
  for (const [id] of toMap(o.peers)) {
    if (!Number.isSafeInteger(id) || id <= 0)
      throw new RangeError(`peers: member id must be a positive integer, got ${id}`);
  }
}
