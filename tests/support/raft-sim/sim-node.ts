// One simulated member: the pure core plus what a driver around it does (persist,
// send, apply, answer clients), with its durable storage kept apart from its memory
// so a crash can lose exactly what was never fsynced.
import {
  ConfChange,
  ConfChangeType,
  ConfState,
  decodeConfChange,
  EntryType,
  MemoryStorage,
  MessageType,
  NodeId,
  NONE,
  RawNode,
  Ready,
  StateRole,
  CompactedError,
  NotLeaderError,
  ProposalDroppedError,
} from '../../../raft';
import type { Message } from '../../../raft/types';
import { Invariants, InvariantViolation } from './invariants';
import { decodeCommand, encodeCommand, KvCommand, KvStateMachine } from './kv-state-machine';
import { Prng } from './prng';
import { ClientRequest, ClientResponse } from './protocol';

export interface CoreOptions {
  electionTick: number;
  heartbeatTick: number;
  preVote: boolean;
  checkQuorum: boolean;
  maxInflightMsgs: number;
  maxSizePerMsg: number;
}

// What a crash does to a Ready that was taken from the core but not yet fsynced. Each
// is legal because none of that Ready's messages were sent yet.
export type CrashLoss = 'lose' | 'keep' | 'torn';

// Deliberate bugs, only to prove the harness notices them: a node that grants every
// vote it is asked for; reads served from local state without
// ReadIndex; a state machine without client sessions (duplicates apply twice).
export type Sabotage = 'none' | 'grant-every-vote' | 'local-reads' | 'no-sessions';

export interface NodeEnv {
  sabotage: Sabotage;
  snapshotOnConfChange: boolean;
  now(): number;
  invariants: Invariants;
  sendRaft(msg: Message): void;
  respond(client: number, response: ClientResponse): void;
  trace(line: string): void;
  // Snapshot when this many entries were applied past the last snapshot (0: never).
  snapshotEvery: number;
  // Log entries kept behind a snapshot for slow followers.
  compactionLag: number;
  // Time units between taking a Ready and finishing its fsync.
  fsyncDelay(): number;
  onApplied(node: NodeId, cmd: KvCommand): void;
}

interface PendingRead {
  index: number;
  client: number;
  seq: number;
  key: string;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export class SimNode {
  storage: MemoryStorage;
  raw: RawNode | undefined;
  sm = new KvStateMachine();
  applied = 0;
  private confState: ConfState;
  private taken: { rd: Ready; due: number } | undefined;
  private writeWaits = new Map<string, number[]>();
  private readWaits = new Map<string, { client: number; seq: number; key: string }>();
  private readsToServe: PendingRead[] = [];
  private observedCommit = 0;
  private readCounter = 0;
  restarts = 0;

  constructor(
    readonly id: NodeId,
    private readonly founders: NodeId[],
    private readonly options: CoreOptions,
    private readonly prng: Prng,
    private readonly env: NodeEnv,
  ) {
    // Founders bootstrap (initial members as committed conf-change entries) whenever
    // their storage is empty, as a driver does; joiners (no voters) start empty and
    // learn the configuration from the log.
    this.storage = new MemoryStorage();
    this.confState = this.storage.initialState().confState;
    this.start();
  }

  get members(): ConfState {
    return this.raw ? this.raw.status().config : this.confState;
  }

  // Returns false when the core refuses (not leader, another change pending...).
  proposeConfChange(cc: ConfChange): boolean {
    if (!this.raw || this.raw.raft.state !== StateRole.Leader) return false;
    try {
      this.raw.proposeConfChange(cc);
      this.env.trace(`n${this.id} proposed ${ConfChangeType[cc.type]} n${cc.nodeId}`);
      return true;
    } catch (e) {
      if (e instanceof ProposalDroppedError || e instanceof NotLeaderError) return false;
      throw e;
    } finally {
      this.afterCall();
    }
  }

  get alive(): boolean {
    return this.raw !== undefined;
  }

  get role(): StateRole | undefined {
    return this.raw?.raft.state;
  }

  get term(): number {
    return this.raw?.raft.term ?? this.storage.initialState().hardState.term;
  }

  get leaderHint(): NodeId {
    return this.raw?.raft.lead ?? NONE;
  }

  private start(): void {
    const snap = this.storage.snapshot();
    this.sm = KvStateMachine.restore(snap.data);
    this.applied = snap.meta.index;
    this.confState = this.storage.initialState().confState;
    this.observedCommit = snap.meta.index;
    this.raw = new RawNode({
      id: this.id,
      storage: this.storage,
      electionTick: this.options.electionTick,
      heartbeatTick: this.options.heartbeatTick,
      applied: this.applied,
      preVote: this.options.preVote,
      checkQuorum: this.options.checkQuorum,
      maxInflightMsgs: this.options.maxInflightMsgs,
      maxSizePerMsg: this.options.maxSizePerMsg,
      random: () => this.prng.next(),
    });
    const empty = this.storage.lastIndex() === 0 && this.storage.initialState().hardState.term === 0;
    if (empty && this.founders.length > 0) this.raw.bootstrap(this.founders);
  }

  crash(loss: CrashLoss): void {
    if (!this.raw) return;
    const taken = this.taken;
    if (taken) {
      if (loss === 'keep') this.persist(taken.rd, taken.rd.entries.length, true);
      else if (loss === 'torn') {
        // The WAL writes entries before the hard state; a torn write keeps a prefix.
        const kept = this.prng.int(0, taken.rd.entries.length);
        this.persist(taken.rd, kept, kept === taken.rd.entries.length);
      }
    }
    this.env.trace(
      `n${this.id} CRASH (${loss}${taken ? `, unsynced ready of ${taken.rd.entries.length} entries` : ''})`,
    );
    this.raw = undefined;
    this.taken = undefined;
    this.writeWaits.clear();
    this.readWaits.clear();
    this.readsToServe = [];
  }

  restart(): void {
    if (this.raw) return;
    this.restarts++;
    this.start();
    const hs = this.storage.initialState().hardState;
    this.env.trace(
      `n${this.id} RESTART term=${hs.term} vote=${hs.vote} commit=${hs.commit} log=[${this.storage.firstIndex()},${this.storage.lastIndex()}]`,
    );
    this.afterCall();
  }

  tick(): void {
    if (!this.raw) return;
    this.raw.tick();
    this.afterCall();
  }

  campaign(): void {
    if (!this.raw) return;
    this.raw.campaign();
    this.afterCall();
  }

  transferLeader(to: NodeId): void {
    if (!this.raw || this.raw.raft.state !== StateRole.Leader) return;
    this.env.trace(`n${this.id} transferLeader -> n${to}`);
    this.raw.transferLeader(to);
    this.afterCall();
  }

  // The transport's verdict on a snapshot this node sent: without it a leader whose
  // follower's answer to the snapshot was lost would wait for it forever.
  reportSnapshot(to: NodeId, ok: boolean): void {
    if (!this.raw) return;
    this.raw.reportSnapshot(to, ok);
    this.afterCall();
  }

  receive(msg: Message): void {
    if (!this.raw) return;
    this.raw.step(msg);
    this.afterCall();
    if (
      this.env.sabotage === 'grant-every-vote' &&
      (msg.type === MessageType.Vote || msg.type === MessageType.PreVote)
    ) {
      const type = msg.type === MessageType.Vote ? MessageType.VoteResp : MessageType.PreVoteResp;
      this.env.sendRaft({ type, from: this.id, to: msg.from, term: msg.term, reject: false });
    }
  }

  // Proposes directly (the post-heal progress probe); false when the core refuses.
  propose(cmd: KvCommand): boolean {
    if (!this.raw) return false;
    try {
      this.raw.propose(encodeCommand(cmd));
      return true;
    } catch (e) {
      if (e instanceof ProposalDroppedError || e instanceof NotLeaderError) return false;
      throw e;
    } finally {
      this.afterCall();
    }
  }

  handleRequest(req: ClientRequest): void {
    const raw = this.raw;
    if (!raw) return;
    const refuse = () =>
      this.env.respond(req.client, {
        client: req.client,
        seq: req.seq,
        ok: false,
        leaderHint: raw.raft.lead,
      });
    if (raw.raft.lead === NONE) return refuse();
    if (req.op.kind === 'get' && this.env.sabotage === 'local-reads') {
      this.env.respond(req.client, {
        client: req.client,
        seq: req.seq,
        ok: true,
        output: this.sm.read(req.op.key),
      });
      return;
    }
    if (req.op.kind === 'get' && req.readPath === 'readIndex') {
      const ctx = `${this.id}/${req.client}/${req.seq}/${++this.readCounter}`;
      this.readWaits.set(ctx, { client: req.client, seq: req.seq, key: req.op.key });
      raw.readIndex(encoder.encode(ctx));
      this.afterCall();
      return;
    }
    if (!this.propose({ client: req.client, seq: req.seq, op: req.op })) return refuse();
    const key = `${req.client}/${req.seq}`;
    const waiting = this.writeWaits.get(key);
    if (waiting) waiting.push(req.client);
    else this.writeWaits.set(key, [req.client]);
  }

  // Leader observation happens after every call into the core: roles change only there.
  private afterCall(): void {
    const raw = this.raw;
    if (!raw) return;
    const r = raw.raft;
    if (r.state === StateRole.Leader && this.env.invariants.observeLeader(r.term, this.id)) {
      this.env.trace(
        `n${this.id} became LEADER term=${r.term} last=${r.raftLog.lastIndex()} commit=${r.raftLog.committed}`,
      );
      this.env.invariants.checkLeaderCompleteness(this.id, r.term, (i) => {
        try {
          return r.raftLog.term(i);
        } catch (e) {
          if (e instanceof CompactedError) return undefined;
          return -1; // missing entirely
        }
      });
    }
    if (!this.taken && raw.hasReady()) {
      const rd = raw.ready();
      this.taken = { rd, due: this.env.now() + this.env.fsyncDelay() };
      if (this.taken.due <= this.env.now()) this.processReady();
    }
  }

  // Runs the Ready whose fsync finished by now.
  poll(): void {
    if (this.taken && this.taken.due <= this.env.now()) this.processReady();
  }

  private processReady(): void {
    const raw = this.raw!;
    const { rd } = this.taken!;
    this.persist(rd, rd.entries.length, true);
    if (rd.snapshot) {
      this.sm = KvStateMachine.restore(rd.snapshot.data);
      this.applied = rd.snapshot.meta.index;
      this.confState = rd.snapshot.meta.confState;
      this.env.trace(`n${this.id} installed snapshot at ${rd.snapshot.meta.index}`);
    }
    for (const m of rd.messages) this.env.sendRaft(m);
    for (const e of rd.committedEntries) {
      if (e.index !== this.applied + 1) {
        throw new InvariantViolation(`n${this.id} applies index ${e.index} right after ${this.applied}`);
      }
      this.env.invariants.observeApplied(this.id, e);
      this.applied = e.index;
      if (e.type === EntryType.ConfChange) {
        this.confState = raw.applyConfChange(decodeConfChange(e.data));
        this.storage.setConfState(this.confState);
        this.snapshotForJoiners();
        this.env.trace(`n${this.id} applied conf change at ${e.index}: voters=${this.confState.voters}`);
      } else if (e.data.length > 0) {
        this.applyCommand(decodeCommand(e.data));
      }
    }
    for (const rs of rd.readStates) {
      const ctx = decoder.decode(rs.requestCtx);
      const wait = this.readWaits.get(ctx);
      if (!wait) continue;
      this.readWaits.delete(ctx);
      this.readsToServe.push({ index: rs.index, ...wait });
    }
    this.taken = undefined;
    this.serveReads();
    this.maybeSnapshot();
    raw.advance();
    this.afterCall();
  }

  private applyCommand(cmd: KvCommand): void {
    const result = this.sm.apply(cmd, this.env.sabotage !== 'no-sessions');
    this.env.onApplied(this.id, cmd);
    const key = `${cmd.client}/${cmd.seq}`;
    const waiting = this.writeWaits.get(key);
    if (!waiting) return;
    this.writeWaits.delete(key);
    if (result === undefined) return;
    for (const client of waiting)
      this.env.respond(client, { client: cmd.client, seq: cmd.seq, ok: true, output: result });
  }

  private serveReads(): void {
    const later: PendingRead[] = [];
    for (const read of this.readsToServe) {
      if (read.index > this.applied) later.push(read);
      else {
        const output = this.sm.read(read.key);
        this.env.respond(read.client, { client: read.client, seq: read.seq, ok: true, output });
      }
    }
    this.readsToServe = later;
  }

  // A follower refuses a snapshot whose configuration does not include it (as etcd's
  // and raft-rs's cores do, tikv/raft-rs#472), so once the log is compacted a member
  // added after the latest snapshot could never catch up. A fresh snapshot taken when
  // the change is applied always includes it.
  private snapshotForJoiners(): void {
    if (!this.env.snapshotOnConfChange || this.storage.firstIndex() <= 1) return;
    if (this.applied <= this.storage.snapshot().meta.index) return;
    this.storage.createSnapshot(this.applied, this.confState, this.sm.snapshot());
  }

  private maybeSnapshot(): void {
    const every = this.env.snapshotEvery;
    const snapIndex = this.storage.snapshot().meta.index;
    if (every <= 0 || this.applied - snapIndex < every) return;
    this.storage.createSnapshot(this.applied, this.confState, this.sm.snapshot());
    const compactTo = this.applied - this.env.compactionLag;
    if (compactTo >= this.storage.firstIndex()) this.storage.compact(compactTo);
    this.env.trace(
      `n${this.id} snapshot at ${this.applied}, log now [${this.storage.firstIndex()},${this.storage.lastIndex()}]`,
    );
  }

  // Makes (part of) a Ready durable and checks what became durable.
  private persist(rd: Ready, entryCount: number, withHardState: boolean): void {
    if (rd.snapshot) this.storage.applySnapshot(rd.snapshot);
    const entries = rd.entries.slice(0, entryCount);
    this.storage.append(entries);
    for (const e of entries) {
      if (e.index < this.storage.firstIndex()) continue;
      this.env.invariants.observeLogEntry(this.id, e, this.storage.term(e.index - 1));
    }
    if (withHardState && rd.hardState) {
      this.storage.setHardState(rd.hardState);
      const commit = rd.hardState.commit;
      if (commit > this.storage.lastIndex()) {
        throw new InvariantViolation(
          `n${this.id} persisted commit ${commit} past its last index ${this.storage.lastIndex()}`,
        );
      }
      const from = Math.max(this.observedCommit + 1, this.storage.firstIndex());
      for (let i = from; i <= commit; i++)
        this.env.invariants.observeCommitted(this.id, i, this.storage.term(i));
      this.observedCommit = Math.max(this.observedCommit, commit);
    }
  }

  describe(): string {
    if (!this.raw) return `n${this.id} down`;
    const r = this.raw.raft;
    const base = `n${this.id} ${r.state} term=${r.term} lead=${r.lead} last=${r.raftLog.lastIndex()} commit=${r.raftLog.committed} applied=${this.applied} log=[${this.storage.firstIndex()},${this.storage.lastIndex()}]`;
    if (r.state !== StateRole.Leader) return base;
    const progress = this.raw
      .status()
      .progress.map(
        (p) =>
          `n${p.id}:${p.state} match=${p.match} next=${p.next} active=${p.recentActive} paused=${p.paused} snap=${p.pendingSnapshot}`,
      );
    return `${base}\n    progress ${progress.join('; ')}`;
  }
}
