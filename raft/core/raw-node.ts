// The caller-facing core (etcd's rawnode.go): drive it with tick()/step()/propose...,
// then loop: if hasReady(), take ready(), persist, send, apply, advance().
import {
  assertIndex,
  ConfChangeType,
  EntryType,
  MessageType,
  NONE,
  StateRole,
  type ConfChange,
  type ConfState,
  type HardState,
  type Message,
  type NodeId,
  type Ready,
  type SoftState,
} from '../types';
import type { Config } from './config';
import { encodeConfChange } from './confchange-codec';
import { ProgressState } from './progress';
import { CampaignType, Raft } from './raft';

export interface ProgressStatus {
  id: NodeId;
  match: number;
  next: number;
  state: ProgressState;
  isLearner: boolean;
  recentActive: boolean;
  paused: boolean;
  inflight: number;
  pendingSnapshot: number;
}

export interface Status {
  id: NodeId;
  term: number;
  vote: NodeId;
  commit: number;
  applied: number;
  lead: NodeId;
  role: StateRole;
  leadTransferee: NodeId;
  config: ConfState;
  // Only on the leader, sorted by id.
  progress: ProgressStatus[];
}

// Messages generated from network input must not impersonate local events.
const LOCAL_ONLY = new Set<MessageType>([
  MessageType.Hup,
  MessageType.Beat,
  MessageType.SnapStatus,
  MessageType.Unreachable,
]);
const RESPONSES = new Set<MessageType>([
  MessageType.AppResp,
  MessageType.VoteResp,
  MessageType.PreVoteResp,
  MessageType.HeartbeatResp,
  MessageType.ReadIndexResp,
]);

function checkNumber(v: number | undefined, field: string): void {
  if (v !== undefined) assertIndex(v, `message.${field}`);
}

function sameHardState(a: HardState, b: HardState): boolean {
  return a.term === b.term && a.vote === b.vote && a.commit === b.commit;
}

interface Outstanding {
  ready: Ready;
  selfMessages: Message[];
}

export class RawNode {
  readonly raft: Raft;
  private prevSoftState: SoftState;
  private prevHardState: HardState;
  private outstanding: Outstanding | undefined;

  constructor(config: Config) {
    this.raft = new Raft(config);
    this.prevSoftState = { lead: this.raft.lead, role: this.raft.state };
    this.prevHardState = this.raft.hardState();
  }

  // Starts a brand-new cluster: writes the initial members into the log as committed
  // conf changes at term 1 (handed out by the next Ready), so a node that joins later
  // learns the full membership by replaying the log. Storage must be empty. Every
  // initial member bootstraps with the same list; joiners start with an empty
  // configuration and no bootstrap.
  bootstrap(voters: readonly NodeId[]): void {
    if (voters.length === 0) throw new RangeError('bootstrap voters must not be empty');
    const r = this.raft;
    if (r.raftLog.lastIndex() !== 0 || r.term !== 0 || r.trk.voters.length > 0) {
      throw new Error('bootstrap requires empty storage and no initial configuration');
    }
    const seen = new Set<NodeId>();
    const entries = voters.map((nodeId, i) => {
      if (seen.has(nodeId)) throw new RangeError(`bootstrap voters has duplicate id ${nodeId}`);
      seen.add(nodeId);
      const data = encodeConfChange({ type: ConfChangeType.AddVoter, nodeId });
      return { term: 1, index: i + 1, type: EntryType.ConfChange, data };
    });
    r.becomeFollower(1, NONE);
    r.raftLog.append(entries);
    r.raftLog.committed = entries.length;
    for (const nodeId of voters) r.applyConfChange({ type: ConfChangeType.AddVoter, nodeId });
  }

  get id(): NodeId {
    return this.raft.id;
  }

  tick(): void {
    this.raft.tick();
  }

  // Starts an election now (pre-vote first if enabled).
  campaign(): void {
    this.raft.step({ type: MessageType.Hup, from: this.raft.id, to: this.raft.id, term: 0 });
  }

  // Throws ProposalDroppedError (no leader, transfer in progress, overloaded) or
  // NotLeaderError (forwarding disabled). Success means "appended or forwarded", not
  // "committed": watch committedEntries.
  propose(data: Uint8Array): void {
    this.proposeEntries([{ term: 0, index: 0, type: EntryType.Normal, data }]);
  }

  proposeBatch(datas: readonly Uint8Array[]): void {
    if (datas.length === 0) return;
    this.proposeEntries(datas.map((data) => ({ term: 0, index: 0, type: EntryType.Normal, data })));
  }

  proposeConfChange(cc: ConfChange): void {
    this.proposeEntries([{ term: 0, index: 0, type: EntryType.ConfChange, data: encodeConfChange(cc) }]);
  }

  private proposeEntries(entries: Ready['entries']): void {
    this.raft.step({ type: MessageType.Prop, from: this.raft.id, to: NONE, term: 0, entries });
  }

  // Adopts a committed conf change; call it when applying that entry. Returns the new
  // configuration (store it with the next snapshot).
  applyConfChange(cc: ConfChange): ConfState {
    if (!(cc.type in ConfChangeType)) throw new RangeError(`confChange.type is unknown: ${String(cc.type)}`);
    return this.raft.applyConfChange(cc);
  }

  // Steps a message received from a peer.
  step(m: Message): void {
    if (LOCAL_ONLY.has(m.type))
      throw new Error(`message.type ${m.type} is local and cannot come from the network`);
    checkNumber(m.term, 'term');
    checkNumber(m.index, 'index');
    checkNumber(m.logTerm, 'logTerm');
    checkNumber(m.commit, 'commit');
    checkNumber(m.rejectHint, 'rejectHint');
    if (m.entries) {
      for (const e of m.entries) {
        checkNumber(e.index, 'entries.index');
        checkNumber(e.term, 'entries.term');
      }
    }
    // A response from a member we do not track (e.g. just removed) carries nothing useful.
    if (RESPONSES.has(m.type) && !this.raft.trk.progress.has(m.from)) return;
    this.raft.step(m);
  }

  // Requests a linearizable read; the answer comes as a ReadState with the same ctx.
  readIndex(ctx: Uint8Array): void {
    if (ctx.length === 0) throw new RangeError('readIndex ctx must be non-empty (it identifies the request)');
    this.raft.step({ type: MessageType.ReadIndex, from: this.raft.id, to: NONE, term: 0, context: ctx });
  }

  transferLeader(to: NodeId): void {
    this.raft.step({ type: MessageType.TransferLeader, from: to, to: this.raft.lead, term: 0 });
  }

  reportUnreachable(id: NodeId): void {
    this.raft.step({ type: MessageType.Unreachable, from: id, to: this.raft.id, term: 0 });
  }

  reportSnapshot(id: NodeId, ok: boolean): void {
    this.raft.step({ type: MessageType.SnapStatus, from: id, to: this.raft.id, term: 0, reject: !ok });
  }

  hasReady(): boolean {
    if (this.outstanding) return false;
    const r = this.raft;
    if (r.hasPendingAppends()) return true;
    if (r.msgs.length > 0 || r.msgsAfterAppend.length > 0 || r.readStates.length > 0) return true;
    if (r.lead !== this.prevSoftState.lead || r.state !== this.prevSoftState.role) return true;
    if (r.raftLog.hasUnstable() || r.raftLog.hasPendingSnapshot()) return true;
    if (r.raftLog.hasNextCommittedEnts()) return true;
    return !sameHardState(r.hardState(), this.prevHardState);
  }

  // What to persist, send and apply now. advance() must follow before the next ready().
  ready(): Ready {
    if (this.outstanding) throw new Error('ready() called again before advance()');
    const r = this.raft;
    r.flushPendingAppends();
    const log = r.raftLog;
    const rd: Ready = {
      entries: log.unstableEntries(),
      committedEntries: log.nextCommittedEnts(),
      messages: r.msgs,
      readStates: r.readStates,
      mustSync: false,
    };
    r.msgs = [];
    r.readStates = [];
    if (r.lead !== this.prevSoftState.lead || r.state !== this.prevSoftState.role) {
      rd.softState = { lead: r.lead, role: r.state };
      this.prevSoftState = rd.softState;
    }
    const hs = r.hardState();
    if (!sameHardState(hs, this.prevHardState)) rd.hardState = hs;
    if (log.unstable.snapshot) rd.snapshot = log.unstable.snapshot;
    rd.mustSync =
      rd.entries.length > 0 ||
      rd.snapshot !== undefined ||
      (rd.hardState !== undefined &&
        (hs.term !== this.prevHardState.term || hs.vote !== this.prevHardState.vote));
    // Only acknowledgements of state in this Ready are delivered by advance(): anything
    // appended after this point is not persisted yet.
    const selfMessages = r.msgsAfterAppend;
    r.msgsAfterAppend = [];
    this.outstanding = { ready: rd, selfMessages };
    return rd;
  }

  // The Ready from ready() was persisted, sent and applied.
  advance(): void {
    const o = this.outstanding;
    if (!o) throw new Error('advance() called without an outstanding ready()');
    this.outstanding = undefined;
    const rd = o.ready;
    const log = this.raft.raftLog;
    if (rd.hardState) this.prevHardState = rd.hardState;
    if (rd.snapshot) {
      log.stableSnapTo(rd.snapshot.meta.index);
      if (rd.snapshot.meta.index > log.applied) log.appliedTo(rd.snapshot.meta.index);
    }
    if (rd.entries.length > 0) {
      const last = rd.entries[rd.entries.length - 1];
      log.stableTo(last.index, last.term);
    }
    if (rd.committedEntries.length > 0) {
      log.appliedTo(rd.committedEntries[rd.committedEntries.length - 1].index);
      this.raft.reduceUncommittedSize(rd.committedEntries);
    }
    for (const m of o.selfMessages) this.raft.step(m);
  }

  status(): Status {
    const r = this.raft;
    const progress: ProgressStatus[] = [];
    if (r.state === StateRole.Leader) {
      for (const [id, pr] of r.trk.progress) {
        progress.push({
          id,
          match: pr.match,
          next: pr.next,
          state: pr.state,
          isLearner: pr.isLearner,
          recentActive: pr.recentActive,
          paused: pr.isPaused(),
          inflight: pr.inflights.count,
          pendingSnapshot: pr.pendingSnapshot,
        });
      }
      progress.sort((a, b) => a.id - b.id);
    }
    return {
      id: r.id,
      term: r.term,
      vote: r.vote,
      commit: r.raftLog.committed,
      applied: r.raftLog.applied,
      lead: r.lead,
      role: r.state,
      leadTransferee: r.leadTransferee,
      config: r.trk.confState(),
      progress,
    };
  }
}

export { CampaignType };
