// The raft state machine (etcd's raft.go): messages in, messages and log changes out.
// Pure: no timers, I/O or ambient randomness. RawNode wraps it with the Ready cycle.
import {
  assertIndex,
  ConfChangeType,
  EntryType,
  MessageType,
  NONE,
  NotLeaderError,
  ProposalDroppedError,
  StateRole,
  type ConfChange,
  type ConfState,
  type Entry,
  type HardState,
  type Message,
  type NodeId,
  type ReadState,
  type Snapshot,
} from '../types';
import { resolveConfig, ReadOnlyOption, type Config, type ResolvedConfig } from './config';
import { decodeConfChange } from './confchange-codec';
import { ProgressState } from './progress';
import { VoteResult } from './quorum';
import { entrySize, RaftLog } from './raft-log';
import { ReadOnly } from './read-only';
import { ProgressTracker } from './tracker';

// Marks a Vote sent because of a leader transfer: it must bypass the leader lease.
export const CAMPAIGN_TRANSFER = new Uint8Array([0x74, 0x72, 0x61, 0x6e, 0x73, 0x66, 0x65, 0x72]); // "transfer"

export enum CampaignType {
  PreElection = 'PreElection',
  Election = 'Election',
  Transfer = 'Transfer',
}

const EMPTY = new Uint8Array(0);

function isTransferContext(ctx: Uint8Array | undefined): boolean {
  if (!ctx || ctx.length !== CAMPAIGN_TRANSFER.length) return false;
  for (let i = 0; i < ctx.length; i++) if (ctx[i] !== CAMPAIGN_TRANSFER[i]) return false;
  return true;
}

function voteRespType(t: MessageType): MessageType {
  return t === MessageType.PreVote ? MessageType.PreVoteResp : MessageType.VoteResp;
}

export class Raft {
  readonly id: NodeId;
  readonly cfg: ResolvedConfig;
  term = 0;
  vote: NodeId = NONE;
  lead: NodeId = NONE;
  state = StateRole.Follower;
  isLearner = false;
  readonly raftLog: RaftLog;
  readonly trk: ProgressTracker;

  // Messages to send once the Ready holding them is persisted.
  msgs: Message[] = [];
  // Messages to this node itself (self-votes, the leader's self-ack), delivered by
  // advance() after the state they acknowledge was persisted.
  msgsAfterAppend: Message[] = [];
  readStates: ReadState[] = [];

  leadTransferee: NodeId = NONE;
  // Index of the latest conf change (or of the new leader's first entry) that must be
  // applied before another conf change is accepted.
  pendingConfIndex = 0;
  // Index of this leader's first (empty) entry.
  leaderStartIndex = 0;
  uncommittedSize = 0;
  readonly readOnly = new ReadOnly();
  private pendingReadIndexMessages: Message[] = [];

  electionElapsed = 0;
  heartbeatElapsed = 0;
  randomizedElectionTimeout = 0;
  // The leader sends appends for new proposals, and the news of a higher commit index,
  // lazily, once per Ready: a burst of proposals or acknowledgements then costs one
  // message per follower instead of one per event.
  private bcastPending = false;
  private commitBcastPending = false;

  constructor(config: Config) {
    this.cfg = resolveConfig(config);
    this.id = this.cfg.id;
    this.raftLog = new RaftLog(this.cfg.storage, this.cfg.maxCommittedSizePerReady);
    const { hardState, confState } = this.cfg.storage.initialState();
    this.trk = new ProgressTracker(this.cfg.maxInflightMsgs, this.cfg.maxInflightBytes);
    this.trk.restore(confState, this.raftLog.lastIndex() + 1);
    this.isLearner = this.trk.learners.includes(this.id);
    if (hardState.term !== 0 || hardState.vote !== NONE || hardState.commit !== 0) this.loadState(hardState);
    if (this.cfg.applied > 0) this.raftLog.appliedTo(this.cfg.applied);
    this.becomeFollower(this.term, NONE);
  }

  private loadState(hs: HardState): void {
    if (hs.commit < this.raftLog.committed || hs.commit > this.raftLog.lastIndex()) {
      throw new RangeError(
        `hardState.commit ${hs.commit} is out of range [${this.raftLog.committed}, ${this.raftLog.lastIndex()}]`,
      );
    }
    this.raftLog.committed = hs.commit;
    this.term = hs.term;
    this.vote = hs.vote;
  }

  hardState(): HardState {
    return { term: this.term, vote: this.vote, commit: this.raftLog.committed };
  }

  // ---- sending ----

  private send(m: Message): void {
    if (
      m.type === MessageType.Vote ||
      m.type === MessageType.VoteResp ||
      m.type === MessageType.PreVote ||
      m.type === MessageType.PreVoteResp
    ) {
      if (m.term === 0) throw new Error(`term must be set when sending ${m.type}`);
    } else {
      if (m.term !== 0) throw new Error(`term must not be set when sending ${m.type} (was ${m.term})`);
      // Proposals are forwarded without a term: a stale-term proposal is still useful.
      if (m.type !== MessageType.Prop && m.type !== MessageType.ReadIndex) m.term = this.term;
    }
    if (m.to === this.id) {
      this.msgsAfterAppend.push(m);
    } else {
      this.msgs.push(m);
    }
  }

  // Sends an append (or snapshot) to `to` if there is something to send.
  sendAppend(to: NodeId): void {
    this.maybeSendAppend(to, true);
  }

  maybeSendAppend(to: NodeId, sendIfEmpty: boolean): boolean {
    const pr = this.trk.progress.get(to);
    if (!pr || pr.isPaused()) return false;
    const prevIndex = pr.next - 1;
    const log = this.raftLog;
    let prevTerm: number;
    let ents: Entry[];
    try {
      prevTerm = log.term(prevIndex);
      ents =
        pr.state === ProgressState.Replicate && pr.inflights.full()
          ? []
          : log.entries(pr.next, this.cfg.maxSizePerMsg);
    } catch {
      // The entries are compacted: only a snapshot can catch this follower up.
      return this.maybeSendSnapshot(to);
    }
    if (ents.length === 0 && !sendIfEmpty) return false;
    let bytes = 0;
    for (let i = 0; i < ents.length; i++) bytes += entrySize(ents[i]);
    this.send({
      type: MessageType.App,
      from: this.id,
      to,
      term: 0,
      index: prevIndex,
      logTerm: prevTerm,
      entries: ents,
      commit: log.committed,
    });
    pr.sentEntries(ents.length, ents.length > 0 ? ents[ents.length - 1].index : prevIndex, bytes);
    pr.sentCommit = log.committed;
    return true;
  }

  private maybeSendSnapshot(to: NodeId): boolean {
    const pr = this.trk.progress.get(to)!;
    if (!pr.recentActive) return false;
    const snapshot = this.raftLog.snapshot();
    if (snapshot.meta.index === 0) throw new Error('need a non-empty snapshot to catch up a follower');
    this.send({ type: MessageType.Snap, from: this.id, to, term: 0, snapshot });
    pr.becomeSnapshot(snapshot.meta.index);
    return true;
  }

  private sendHeartbeat(to: NodeId, ctx: Uint8Array | undefined): void {
    const pr = this.trk.progress.get(to)!;
    // Never tell a follower to commit past what it is known to hold.
    const commit = Math.min(pr.match, this.raftLog.committed);
    const m: Message = { type: MessageType.Heartbeat, from: this.id, to, term: 0, commit };
    if (ctx) m.context = ctx;
    this.send(m);
  }

  bcastAppend(): void {
    for (const id of this.trk.progress.keys()) if (id !== this.id) this.sendAppend(id);
  }

  private bcastHeartbeat(): void {
    const ctx = this.readOnly.lastPendingContext();
    this.bcastHeartbeatWithCtx(ctx);
  }

  private bcastHeartbeatWithCtx(ctx: Uint8Array | undefined): void {
    for (const id of this.trk.progress.keys()) if (id !== this.id) this.sendHeartbeat(id, ctx);
  }

  // Called when a Ready is built: sends appends deferred by proposals.
  flushPendingAppends(): void {
    if (!this.bcastPending && !this.commitBcastPending) return;
    const sendIfEmpty = this.commitBcastPending;
    this.bcastPending = false;
    this.commitBcastPending = false;
    if (this.state !== StateRole.Leader) return;
    const committed = this.raftLog.committed;
    for (const [id, pr] of this.trk.progress) {
      if (id !== this.id) this.maybeSendAppend(id, sendIfEmpty && pr.sentCommit < committed);
    }
  }

  hasPendingAppends(): boolean {
    return (this.bcastPending || this.commitBcastPending) && this.state === StateRole.Leader;
  }

  // Followers learn the new commit index with the next Ready's appends.
  private bcastCommit(): void {
    this.commitBcastPending = true;
  }

  // ---- committing ----

  maybeCommit(): boolean {
    return this.raftLog.maybeCommit(this.trk.committed(), this.term);
  }

  committedEntryInCurrentTerm(): boolean {
    return this.raftLog.termOrZero(this.raftLog.committed) === this.term;
  }

  // ---- state transitions ----

  private reset(term: number): void {
    assertIndex(term, 'term');
    if (this.term !== term) {
      this.term = term;
      this.vote = NONE;
    }
    this.lead = NONE;
    this.electionElapsed = 0;
    this.heartbeatElapsed = 0;
    this.resetRandomizedElectionTimeout();
    this.abortLeaderTransfer();
    this.trk.resetVotes();
    const last = this.raftLog.lastIndex();
    for (const [id, pr] of this.trk.progress) {
      pr.match = 0;
      pr.next = last + 1;
      pr.state = ProgressState.Probe;
      pr.pendingSnapshot = 0;
      pr.recentActive = false;
      pr.msgAppFlowPaused = false;
      pr.sentCommit = 0;
      pr.inflights.reset();
      // Only what is on our own disk counts as replicated on us.
      if (id === this.id) pr.match = this.raftLog.stableLastIndex();
    }
    this.pendingConfIndex = 0;
    this.uncommittedSize = 0;
    this.readOnly.reset();
    this.pendingReadIndexMessages = [];
    this.bcastPending = false;
    this.commitBcastPending = false;
  }

  resetRandomizedElectionTimeout(): void {
    const e = this.cfg.electionTick;
    const r = this.cfg.random();
    if (!(r >= 0 && r < 1)) throw new RangeError(`config.random must return a number in [0, 1), got ${r}`);
    this.randomizedElectionTimeout = e + Math.floor(r * e);
  }

  becomeFollower(term: number, lead: NodeId): void {
    this.reset(term);
    this.lead = lead;
    this.state = StateRole.Follower;
  }

  becomeCandidate(): void {
    if (this.state === StateRole.Leader) throw new Error('invalid transition [leader -> candidate]');
    this.reset(this.term + 1);
    this.vote = this.id;
    this.state = StateRole.Candidate;
  }

  becomePreCandidate(): void {
    if (this.state === StateRole.Leader) throw new Error('invalid transition [leader -> pre-candidate]');
    // Neither term nor vote change: a pre-election must not disturb anyone's state.
    this.trk.resetVotes();
    this.lead = NONE;
    this.state = StateRole.PreCandidate;
  }

  becomeLeader(): void {
    if (this.state === StateRole.Follower) throw new Error('invalid transition [follower -> leader]');
    this.reset(this.term);
    this.lead = this.id;
    this.state = StateRole.Leader;
    const self = this.trk.progress.get(this.id)!;
    self.becomeReplicate();
    self.match = this.raftLog.stableLastIndex();
    self.next = this.raftLog.lastIndex() + 1;
    self.recentActive = true;
    // The empty entry of the new term commits everything before it (Figure 8), and no
    // conf change is accepted until it is applied (Ongaro's single-server change bug).
    this.appendEntry([{ term: 0, index: 0, type: EntryType.Normal, data: EMPTY }]);
    this.pendingConfIndex = this.raftLog.lastIndex();
    this.leaderStartIndex = this.pendingConfIndex;
  }

  private appendEntry(es: Entry[]): boolean {
    let li = this.raftLog.lastIndex();
    let size = 0;
    for (let i = 0; i < es.length; i++) {
      const e = es[i];
      e.term = this.term;
      e.index = ++li;
      size += e.data.length;
    }
    // Always accept when nothing is outstanding, so one oversized entry can still pass.
    if (
      this.uncommittedSize > 0 &&
      size > 0 &&
      this.uncommittedSize + size > this.cfg.maxUncommittedEntriesSize
    ) {
      return false;
    }
    this.uncommittedSize += size;
    li = this.raftLog.append(es);
    // The leader acknowledges its own entries only once they are persisted: this
    // self-ack is held back until advance().
    this.send({ type: MessageType.AppResp, from: this.id, to: this.id, term: 0, index: li });
    return true;
  }

  reduceUncommittedSize(ents: readonly Entry[]): void {
    if (this.state !== StateRole.Leader || this.uncommittedSize === 0) return;
    let size = 0;
    for (let i = 0; i < ents.length; i++) size += ents[i].data.length;
    this.uncommittedSize = size > this.uncommittedSize ? 0 : this.uncommittedSize - size;
  }

  // ---- ticks ----

  tick(): void {
    if (this.state === StateRole.Leader) this.tickHeartbeat();
    else this.tickElection();
  }

  private tickElection(): void {
    this.electionElapsed++;
    if (this.promotable() && this.electionElapsed >= this.randomizedElectionTimeout) {
      this.electionElapsed = 0;
      this.step({ type: MessageType.Hup, from: this.id, to: this.id, term: 0 });
    }
  }

  private tickHeartbeat(): void {
    this.heartbeatElapsed++;
    this.electionElapsed++;
    if (this.electionElapsed >= this.cfg.electionTick) {
      this.electionElapsed = 0;
      if (this.cfg.checkQuorum) this.checkQuorum();
      // A transfer that did not finish within an election timeout is abandoned.
      if (this.state === StateRole.Leader && this.leadTransferee !== NONE) this.abortLeaderTransfer();
    }
    if (this.state !== StateRole.Leader) return;
    if (this.heartbeatElapsed >= this.cfg.heartbeatTick) {
      this.heartbeatElapsed = 0;
      this.step({ type: MessageType.Beat, from: this.id, to: this.id, term: 0 });
    }
  }

  private checkQuorum(): void {
    if (!this.trk.quorumActive()) {
      this.becomeFollower(this.term, NONE);
      return;
    }
    for (const [id, pr] of this.trk.progress) if (id !== this.id) pr.recentActive = false;
  }

  private pastElectionTimeout(): boolean {
    return this.electionElapsed >= this.randomizedElectionTimeout;
  }

  // A member that may campaign: a voter, not waiting for a snapshot to be installed.
  promotable(): boolean {
    const pr = this.trk.progress.get(this.id);
    return pr !== undefined && !pr.isLearner && !this.raftLog.hasPendingSnapshot();
  }

  // ---- elections ----

  private hup(t: CampaignType): void {
    if (this.state === StateRole.Leader) return;
    if (!this.promotable()) return;
    // Campaigning with an unapplied conf change could elect us under a configuration
    // we have not yet adopted.
    if (this.hasUnappliedConfChanges()) return;
    this.campaign(t);
  }

  private hasUnappliedConfChanges(): boolean {
    const log = this.raftLog;
    if (log.applied >= log.committed) return false;
    const ents = log.slice(Math.max(log.applied + 1, log.firstIndex()), log.committed + 1);
    for (const e of ents) if (e.type === EntryType.ConfChange) return true;
    return false;
  }

  campaign(t: CampaignType): void {
    let voteMsg: MessageType;
    let term: number;
    if (t === CampaignType.PreElection) {
      this.becomePreCandidate();
      voteMsg = MessageType.PreVote;
      // Pre-votes ask about the term we would have, without taking it.
      term = this.term + 1;
    } else {
      this.becomeCandidate();
      voteMsg = MessageType.Vote;
      term = this.term;
    }
    const lastIndex = this.raftLog.lastIndex();
    const lastTerm = this.raftLog.lastTerm();
    for (const id of this.trk.voters) {
      if (id === this.id) {
        // Our own vote counts once our hard state (the vote) is durable.
        this.send({ type: voteRespType(voteMsg), from: this.id, to: this.id, term });
        continue;
      }
      const m: Message = { type: voteMsg, from: this.id, to: id, term, index: lastIndex, logTerm: lastTerm };
      if (t === CampaignType.Transfer) m.context = CAMPAIGN_TRANSFER;
      this.send(m);
    }
  }

  private poll(id: NodeId, granted: boolean): VoteResult {
    this.trk.recordVote(id, granted);
    return this.trk.tallyVotes().result;
  }

  // ---- stepping ----

  step(m: Message): void {
    if (m.term === 0) {
      // local message
    } else if (m.term > this.term) {
      if (m.type === MessageType.Vote || m.type === MessageType.PreVote) {
        const force = isTransferContext(m.context);
        const inLease =
          this.cfg.checkQuorum && this.lead !== NONE && this.electionElapsed < this.cfg.electionTick;
        // While we hear from a leader, a disruptive candidate (e.g. a partitioned node
        // coming back) is ignored outright: no term bump, no answer.
        if (!force && inLease) return;
      }
      if (m.type === MessageType.PreVote) {
        // Never change our term in response to a pre-vote.
      } else if (m.type === MessageType.PreVoteResp && !m.reject) {
        // Pre-votes are sent for a future term; the term moves when the quorum is reached.
      } else if (
        m.type === MessageType.App ||
        m.type === MessageType.Heartbeat ||
        m.type === MessageType.Snap
      ) {
        this.becomeFollower(m.term, m.from);
      } else {
        this.becomeFollower(m.term, NONE);
      }
    } else if (m.term < this.term) {
      if (
        (this.cfg.checkQuorum || this.cfg.preVote) &&
        (m.type === MessageType.Heartbeat || m.type === MessageType.App)
      ) {
        // A stale leader (e.g. back from a partition) would otherwise never learn of the
        // new term, since we ignore it and it cannot win against our lease.
        this.send({ type: MessageType.AppResp, from: this.id, to: m.from, term: 0 });
      } else if (m.type === MessageType.PreVote) {
        // Answer so the pre-candidate learns our term; ignoring it could stall it forever.
        this.send({
          type: MessageType.PreVoteResp,
          from: this.id,
          to: m.from,
          term: this.term,
          reject: true,
        });
      }
      return;
    }

    switch (m.type) {
      case MessageType.Hup:
        this.hup(this.cfg.preVote ? CampaignType.PreElection : CampaignType.Election);
        return;
      case MessageType.Vote:
      case MessageType.PreVote: {
        const canVote =
          this.vote === m.from ||
          (this.vote === NONE && this.lead === NONE) ||
          (m.type === MessageType.PreVote && m.term > this.term);
        if (canVote && this.raftLog.isUpToDate(m.index ?? 0, m.logTerm ?? 0)) {
          // The response carries the candidate's term (for a pre-vote, its future term).
          this.send({ type: voteRespType(m.type), from: this.id, to: m.from, term: m.term });
          if (m.type === MessageType.Vote) {
            this.electionElapsed = 0;
            this.vote = m.from;
          }
        } else {
          this.send({ type: voteRespType(m.type), from: this.id, to: m.from, term: this.term, reject: true });
        }
        return;
      }
    }

    switch (this.state) {
      case StateRole.Leader:
        this.stepLeader(m);
        return;
      case StateRole.Candidate:
      case StateRole.PreCandidate:
        this.stepCandidate(m);
        return;
      case StateRole.Follower:
        this.stepFollower(m);
        return;
    }
  }

  private isLocal(m: Message): boolean {
    return m.from === this.id || m.from === NONE;
  }

  private stepLeader(m: Message): void {
    switch (m.type) {
      case MessageType.Beat:
        this.bcastHeartbeat();
        return;
      case MessageType.Prop:
        this.leaderPropose(m);
        return;
      case MessageType.ReadIndex:
        if (!this.committedEntryInCurrentTerm()) {
          // The commit index of a new leader may lag the previous leader's: wait for
          // the first entry of our term to commit before answering reads.
          this.pendingReadIndexMessages.push(m);
          return;
        }
        this.sendReadIndexResponse(m);
        return;
    }

    const pr = this.trk.progress.get(m.from);
    if (!pr) return;
    switch (m.type) {
      case MessageType.AppResp:
        this.handleAppendResponse(m);
        return;
      case MessageType.HeartbeatResp: {
        pr.recentActive = true;
        pr.msgAppFlowPaused = false;
        if (pr.match < this.raftLog.lastIndex() || pr.state === ProgressState.Probe) this.sendAppend(m.from);
        if (this.cfg.readOnlyOption !== ReadOnlyOption.Safe || !m.context || m.context.length === 0) return;
        const acks = this.readOnly.recvAck(m.from, m.context);
        if (!acks) return;
        const votes = new Map<NodeId, boolean>();
        for (const id of acks) votes.set(id, true);
        if (this.trk.voteResultOf(votes) !== VoteResult.Won) return;
        for (const rs of this.readOnly.advance(m.context)) this.respondToReadIndex(rs.req, rs.index);
        return;
      }
      case MessageType.SnapStatus:
        if (pr.state !== ProgressState.Snapshot) return;
        if (m.reject) pr.pendingSnapshot = 0;
        pr.becomeProbe();
        // Wait for a heartbeat response before the next probe, not a busy retry.
        pr.msgAppFlowPaused = true;
        return;
      case MessageType.Unreachable:
        // Appends streamed optimistically were probably lost.
        if (pr.state === ProgressState.Replicate) pr.becomeProbe();
        return;
      case MessageType.TransferLeader: {
        if (pr.isLearner) return;
        const transferee = m.from;
        const last = this.leadTransferee;
        if (last !== NONE) {
          if (last === transferee) return;
          this.abortLeaderTransfer();
        }
        if (transferee === this.id) return;
        // The transfer must finish within one election timeout.
        this.electionElapsed = 0;
        this.leadTransferee = transferee;
        if (pr.match === this.raftLog.lastIndex()) this.sendTimeoutNow(transferee);
        else this.sendAppend(transferee);
        return;
      }
    }
  }

  private leaderPropose(m: Message): void {
    const local = this.isLocal(m);
    if (!m.entries || m.entries.length === 0) throw new RangeError('proposal has no entries');
    // Entries get their term and index stamped in place: never do that to objects the
    // caller may still hold (a forwarded message delivered twice in a simulation).
    const ents = local
      ? m.entries
      : m.entries.map((e) => ({ term: 0, index: 0, type: e.type, data: e.data }));
    if (!this.trk.progress.has(this.id)) {
      if (local) throw new ProposalDroppedError('this node was removed from the configuration');
      return;
    }
    if (this.leadTransferee !== NONE) {
      if (local) throw new ProposalDroppedError(`leadership is being transferred to ${this.leadTransferee}`);
      return;
    }
    for (let i = 0; i < ents.length; i++) {
      const e = ents[i];
      if (e.type !== EntryType.ConfChange) continue;
      if (this.pendingConfIndex > this.raftLog.applied) {
        const why =
          this.raftLog.applied < this.leaderStartIndex
            ? 'the leader has not yet applied an entry of its term'
            : `a configuration change is pending (index ${this.pendingConfIndex} > applied ${this.raftLog.applied})`;
        if (local) throw new ProposalDroppedError(why);
        // A forwarded batch is kept, with the refused change turned into a no-op.
        ents[i] = { term: 0, index: 0, type: EntryType.Normal, data: EMPTY };
        continue;
      }
      this.validateConfChange(e, local);
      this.pendingConfIndex = this.raftLog.lastIndex() + i + 1;
    }
    if (!this.appendEntry(ents)) {
      if (local) throw new ProposalDroppedError('too many uncommitted entries');
      return;
    }
    this.bcastPending = true;
  }

  private validateConfChange(e: Entry, local: boolean): void {
    let cc: ConfChange;
    try {
      cc = decodeConfChange(e.data);
    } catch (err) {
      if (local) throw err;
      e.type = EntryType.Normal;
      e.data = EMPTY;
      return;
    }
    const alreadyVoter = this.trk.voters.includes(cc.nodeId);
    if (cc.type === ConfChangeType.RemoveVoter && alreadyVoter && this.trk.voters.length === 1) {
      const err = new ProposalDroppedError('cannot remove the last voter');
      if (local) throw err;
      e.type = EntryType.Normal;
      e.data = EMPTY;
    }
  }

  private handleAppendResponse(m: Message): void {
    const pr = this.trk.progress.get(m.from)!;
    pr.recentActive = true;
    const index = m.index ?? 0;
    if (m.reject) {
      let nextProbeIdx = m.rejectHint ?? 0;
      if ((m.logTerm ?? 0) > 0) {
        // Skip every entry of a term the follower cannot match (fast backtracking).
        nextProbeIdx = this.raftLog.findConflictByTerm(m.rejectHint ?? 0, m.logTerm!).index;
      }
      if (pr.maybeDecrTo(index, nextProbeIdx)) {
        if (pr.state === ProgressState.Replicate) pr.becomeProbe();
        this.sendAppend(m.from);
      }
      return;
    }
    const oldPaused = pr.isPaused();
    if (!(pr.maybeUpdate(index) || (pr.match === index && pr.state === ProgressState.Probe))) return;
    if (pr.state === ProgressState.Probe) {
      pr.becomeReplicate();
    } else if (pr.state === ProgressState.Snapshot && pr.match + 1 >= this.raftLog.firstIndex()) {
      // The follower caught up past the snapshot (or can now be served from the log).
      pr.becomeProbe();
      pr.becomeReplicate();
    } else if (pr.state === ProgressState.Replicate) {
      pr.inflights.freeLE(index);
    }
    if (this.maybeCommit()) {
      this.releasePendingReadIndexMessages();
      this.bcastCommit();
    } else if (m.from !== this.id && oldPaused) {
      this.sendAppend(m.from);
    }
    if (m.from !== this.id) {
      // Keep the pipeline full while the window allows.
      while (this.maybeSendAppend(m.from, false)) {
        /* sent one more */
      }
      if (m.from === this.leadTransferee && pr.match === this.raftLog.lastIndex())
        this.sendTimeoutNow(m.from);
    }
  }

  private sendTimeoutNow(to: NodeId): void {
    this.send({ type: MessageType.TimeoutNow, from: this.id, to, term: 0 });
  }

  abortLeaderTransfer(): void {
    this.leadTransferee = NONE;
  }

  private releasePendingReadIndexMessages(): void {
    if (this.pendingReadIndexMessages.length === 0) return;
    if (!this.committedEntryInCurrentTerm()) return;
    const msgs = this.pendingReadIndexMessages;
    this.pendingReadIndexMessages = [];
    for (const m of msgs) this.sendReadIndexResponse(m);
  }

  private sendReadIndexResponse(m: Message): void {
    if (this.trk.isSingleton()) {
      this.respondToReadIndex(m, this.raftLog.committed);
      return;
    }
    if (this.cfg.readOnlyOption === ReadOnlyOption.LeaseBased) {
      this.respondToReadIndex(m, this.raftLog.committed);
      return;
    }
    this.readOnly.addRequest(this.raftLog.committed, m);
    this.readOnly.recvAck(this.id, m.context!);
    this.bcastHeartbeatWithCtx(m.context);
  }

  private respondToReadIndex(req: Message, index: number): void {
    if (req.from === NONE || req.from === this.id) {
      this.readStates.push({ index, requestCtx: req.context! });
      return;
    }
    this.send({
      type: MessageType.ReadIndexResp,
      from: this.id,
      to: req.from,
      term: 0,
      index,
      context: req.context,
    });
  }

  private stepCandidate(m: Message): void {
    const myVoteResp = this.state === StateRole.PreCandidate ? MessageType.PreVoteResp : MessageType.VoteResp;
    switch (m.type) {
      case MessageType.Prop:
        if (this.isLocal(m)) throw new ProposalDroppedError('no leader (an election is in progress)');
        return;
      case MessageType.ReadIndex:
        if (this.isLocal(m))
          throw new ProposalDroppedError('no leader to serve the read (an election is in progress)');
        return;
      case MessageType.TransferLeader:
        if (this.isLocal(m)) throw new ProposalDroppedError('no leader to transfer leadership from');
        return;
      case MessageType.App:
        this.becomeFollower(m.term, m.from);
        this.handleAppendEntries(m);
        return;
      case MessageType.Heartbeat:
        this.becomeFollower(m.term, m.from);
        this.handleHeartbeat(m);
        return;
      case MessageType.Snap:
        this.becomeFollower(m.term, m.from);
        this.handleSnapshot(m);
        return;
      case myVoteResp: {
        const res = this.poll(m.from, !m.reject);
        if (res === VoteResult.Won) {
          if (this.state === StateRole.PreCandidate) {
            this.campaign(CampaignType.Election);
          } else {
            this.becomeLeader();
            this.bcastAppend();
          }
        } else if (res === VoteResult.Lost) {
          // Back to follower at the same term; a rejecting pre-vote taught us nothing new.
          this.becomeFollower(this.term, NONE);
        }
        return;
      }
    }
  }

  private stepFollower(m: Message): void {
    switch (m.type) {
      case MessageType.Prop:
        if (this.lead === NONE) {
          if (this.isLocal(m)) throw new ProposalDroppedError('no leader');
          return;
        }
        if (this.cfg.disableProposalForwarding) {
          if (this.isLocal(m)) throw new NotLeaderError(this.lead);
          return;
        }
        if (!this.isLocal(m)) return; // never forward twice: the sender's view was stale
        m.to = this.lead;
        m.from = this.id;
        this.send(m);
        return;
      case MessageType.App:
        this.electionElapsed = 0;
        this.lead = m.from;
        this.handleAppendEntries(m);
        return;
      case MessageType.Heartbeat:
        this.electionElapsed = 0;
        this.lead = m.from;
        this.handleHeartbeat(m);
        return;
      case MessageType.Snap:
        this.electionElapsed = 0;
        this.lead = m.from;
        this.handleSnapshot(m);
        return;
      case MessageType.TransferLeader:
        if (this.lead === NONE) {
          if (this.isLocal(m)) throw new ProposalDroppedError('no leader to transfer leadership from');
          return;
        }
        m.to = this.lead;
        this.send(m);
        return;
      case MessageType.TimeoutNow:
        // A transfer: campaign at once, skipping pre-vote (there is no partition to guard against).
        this.hup(CampaignType.Transfer);
        return;
      case MessageType.ReadIndex:
        if (this.lead === NONE) {
          if (this.isLocal(m)) throw new ProposalDroppedError('no leader to serve the read');
          return;
        }
        m.to = this.lead;
        m.from = this.id;
        this.send(m);
        return;
      case MessageType.ReadIndexResp:
        this.readStates.push({ index: m.index ?? 0, requestCtx: m.context ?? EMPTY });
        return;
    }
  }

  private handleAppendEntries(m: Message): void {
    const index = m.index ?? 0;
    const log = this.raftLog;
    if (index < log.committed) {
      this.send({ type: MessageType.AppResp, from: this.id, to: m.from, term: 0, index: log.committed });
      return;
    }
    const lastNew = log.maybeAppend(index, m.logTerm ?? 0, m.commit ?? 0, m.entries ?? []);
    if (lastNew >= 0) {
      this.send({ type: MessageType.AppResp, from: this.id, to: m.from, term: 0, index: lastNew });
      return;
    }
    // Tell the leader the largest index that might match, so it can skip a whole term.
    const hint = log.findConflictByTerm(Math.min(index, log.lastIndex()), m.logTerm ?? 0);
    this.send({
      type: MessageType.AppResp,
      from: this.id,
      to: m.from,
      term: 0,
      index,
      reject: true,
      rejectHint: hint.index,
      logTerm: hint.term,
    });
  }

  private handleHeartbeat(m: Message): void {
    this.raftLog.commitTo(m.commit ?? 0);
    const resp: Message = { type: MessageType.HeartbeatResp, from: this.id, to: m.from, term: 0 };
    if (m.context) resp.context = m.context;
    this.send(resp);
  }

  private handleSnapshot(m: Message): void {
    const s = m.snapshot!;
    if (this.restore(s)) {
      this.send({
        type: MessageType.AppResp,
        from: this.id,
        to: m.from,
        term: 0,
        index: this.raftLog.lastIndex(),
      });
    } else {
      this.send({
        type: MessageType.AppResp,
        from: this.id,
        to: m.from,
        term: 0,
        index: this.raftLog.committed,
      });
    }
  }

  // Installs a snapshot from the leader; false when it brings nothing new.
  restore(s: Snapshot): boolean {
    if (s.meta.index <= this.raftLog.committed) return false;
    if (this.state !== StateRole.Follower) {
      // Only a follower receives snapshots; anything else is a bug upstream.
      this.becomeFollower(this.term + 1, NONE);
      return false;
    }
    const cs = s.meta.confState;
    if (!cs.voters.includes(this.id) && !cs.learners.includes(this.id)) return false;
    if (this.raftLog.matchTerm(s.meta.index, s.meta.term)) {
      // We already hold the snapshot's last entry: just move the commit index.
      this.raftLog.commitTo(s.meta.index);
      return false;
    }
    this.raftLog.restore(s);
    this.trk.restore(cs, this.raftLog.lastIndex() + 1);
    this.isLearner = this.trk.learners.includes(this.id);
    return true;
  }

  // ---- membership ----

  applyConfChange(cc: ConfChange): ConfState {
    this.trk.applyConfChange(cc, this.raftLog.lastIndex());
    const pr = this.trk.progress.get(this.id);
    this.isLearner = pr !== undefined && pr.isLearner;
    if ((pr === undefined || this.isLearner) && this.state === StateRole.Leader) {
      // A removed or demoted leader steps down: it may not lead a configuration it is no
      // longer a voter of. The commit of the change was already broadcast.
      this.becomeFollower(this.term, NONE);
      return this.trk.confState();
    }
    if (this.state !== StateRole.Leader) return this.trk.confState();
    // The quorum may have shrunk, committing more.
    if (this.maybeCommit()) {
      this.releasePendingReadIndexMessages();
      this.bcastCommit();
    } else {
      for (const id of this.trk.progress.keys()) if (id !== this.id) this.maybeSendAppend(id, false);
    }
    if (this.leadTransferee !== NONE && !this.trk.voters.includes(this.leadTransferee))
      this.abortLeaderTransfer();
    return this.trk.confState();
  }

  // Delivers the messages held back until persistence. Only those present now: what
  // they trigger (e.g. the new leader's first entry) must be persisted first in turn.
  stepMessagesAfterAppend(): void {
    const msgs = this.msgsAfterAppend;
    this.msgsAfterAppend = [];
    for (const m of msgs) this.step(m);
  }
}
