// Shared vocabulary of the raft library. The pure core (raft/core), the storage
// (raft/storage) and the driver/transport (raft/node, raft/transport) all speak it.
//
// Terms and indexes are JS numbers with an asserted ceiling (Number.MAX_SAFE_INTEGER,
// 2^53-1): far past 2^32, and far cheaper than bigint on the hot path. assertIndex()
// guards every place a number is produced from outside (decoding, arithmetic on input).

export type NodeId = number; // a raft member id; 0 means "none"
export const NONE: NodeId = 0;

export const MAX_INDEX = Number.MAX_SAFE_INTEGER;
export function assertIndex(n: number, what: string): number {
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(`${what} must be a safe non-negative integer, got ${n}`);
  return n;
}

export enum EntryType {
  Normal = 0,
  ConfChange = 1,
}

export interface Entry {
  term: number;
  index: number;
  type: EntryType;
  data: Uint8Array; // empty for the leader's no-op at the start of its term
}

export enum ConfChangeType {
  AddVoter = 0,
  RemoveVoter = 1,
  AddLearner = 2, // also demotes a voter to learner
}

export interface ConfChange {
  type: ConfChangeType;
  nodeId: NodeId;
  context?: Uint8Array; // e.g. the member's address, opaque to raft
}

export interface ConfState {
  voters: NodeId[];
  learners: NodeId[];
}

export interface HardState {
  term: number;
  vote: NodeId;
  commit: number;
}

export interface SnapshotMeta {
  index: number;
  term: number;
  confState: ConfState;
}

export interface Snapshot {
  meta: SnapshotMeta;
  data: Uint8Array;
}

export enum MessageType {
  Hup = 'Hup', // local: start an election
  Beat = 'Beat', // local: leader sends heartbeats
  Prop = 'Prop', // a proposal (local, or forwarded from a follower)
  App = 'App',
  AppResp = 'AppResp',
  Vote = 'Vote',
  VoteResp = 'VoteResp',
  PreVote = 'PreVote',
  PreVoteResp = 'PreVoteResp',
  Snap = 'Snap',
  Heartbeat = 'Heartbeat',
  HeartbeatResp = 'HeartbeatResp',
  TransferLeader = 'TransferLeader',
  TimeoutNow = 'TimeoutNow',
  ReadIndex = 'ReadIndex',
  ReadIndexResp = 'ReadIndexResp',
  SnapStatus = 'SnapStatus', // local: the driver reports a snapshot send finished/failed
  Unreachable = 'Unreachable', // local: the driver reports a peer could not be reached
}

export interface Message {
  type: MessageType;
  from: NodeId;
  to: NodeId;
  term: number;
  logTerm?: number; // App: term of entry at `index`; Vote: last log term
  index?: number; // App: index preceding entries; AppResp: last matched / rejected index
  entries?: Entry[];
  commit?: number;
  snapshot?: Snapshot;
  reject?: boolean;
  rejectHint?: number; // AppResp: follower's last index, to skip probing
  context?: Uint8Array; // ReadIndex request id; campaign-transfer marker on Vote
}

export enum StateRole {
  Follower = 'Follower',
  PreCandidate = 'PreCandidate',
  Candidate = 'Candidate',
  Leader = 'Leader',
}

export interface SoftState {
  lead: NodeId;
  role: StateRole;
}

export interface ReadState {
  index: number; // apply up to here, then the read is linearizable
  requestCtx: Uint8Array;
}

// What the core hands its caller. The caller must, in order: persist hardState and
// entries (and snapshot) durably; then send messages; then apply committedEntries;
// then call advance(). Messages that depend on the persisted state are only in
// `messages` once that state is in `entries`/`hardState` of the same Ready.
export interface Ready {
  softState?: SoftState;
  hardState?: HardState;
  entries: Entry[]; // to append to stable storage
  snapshot?: Snapshot; // to install (follower receiving InstallSnapshot)
  committedEntries: Entry[];
  messages: Message[];
  readStates: ReadState[];
  mustSync: boolean;
}

// Read-only view of the stable log that the core consults (etcd's Storage).
// The driver implements it over the WAL; tests use MemoryStorage.
export interface LogStorage {
  initialState(): { hardState: HardState; confState: ConfState };
  entries(lo: number, hi: number, maxBytes?: number): Entry[]; // [lo, hi)
  term(index: number): number; // throws CompactedError / UnavailableError
  firstIndex(): number;
  lastIndex(): number;
  snapshot(): Snapshot;
}

export class CompactedError extends Error {
  constructor(index: number) {
    super(`requested index ${index} is unavailable due to compaction`);
  }
}
export class UnavailableError extends Error {
  constructor(index: number) {
    super(`requested entry at index ${index} is unavailable`);
  }
}
export class NotLeaderError extends Error {
  constructor(public readonly leader: NodeId) {
    super(leader ? `not the leader; the leader is ${leader}` : 'not the leader; no leader is known');
    this.name = 'NotLeaderError';
  }
}
export class ProposalDroppedError extends Error {
  constructor(reason: string) {
    super(`proposal dropped: ${reason}`);
    this.name = 'ProposalDroppedError';
  }
}
