// Configuration of one raft member's core, validated up front so a bad value fails
// with the field's name instead of misbehaving later.
import type { LogStorage, NodeId } from '../types';
import { NO_LIMIT } from './raft-log';

export enum ReadOnlyOption {
  // Confirm leadership with a heartbeat round for each batch of reads (linearizable).
  Safe = 'Safe',
  // Trust the check-quorum lease; faster but relies on bounded clock drift.
  LeaseBased = 'LeaseBased',
}

export interface Config {
  id: NodeId;
  storage: LogStorage;
  // Ticks without hearing from a leader before campaigning (randomized in [e, 2e)).
  electionTick: number;
  heartbeatTick: number;
  // Last applied index when restarting; entries <= applied are not handed out again.
  applied?: number;
  // Max payload bytes of entries in one append message (at least one entry is sent).
  maxSizePerMsg?: number;
  // Max bytes of committed entries handed out in one Ready.
  maxCommittedSizePerReady?: number;
  // Max bytes of proposed-but-uncommitted entries on the leader before proposals are dropped.
  maxUncommittedEntriesSize?: number;
  // Max append messages in flight to one follower in Replicate state.
  maxInflightMsgs: number;
  maxInflightBytes?: number;
  checkQuorum?: boolean;
  preVote?: boolean;
  readOnlyOption?: ReadOnlyOption;
  disableProposalForwarding?: boolean;
  // The only source of randomness: a seeded generator returning [0, 1).
  random?: () => number;
}

export interface ResolvedConfig {
  id: NodeId;
  storage: LogStorage;
  electionTick: number;
  heartbeatTick: number;
  applied: number;
  maxSizePerMsg: number;
  maxCommittedSizePerReady: number;
  maxUncommittedEntriesSize: number;
  maxInflightMsgs: number;
  maxInflightBytes: number;
  checkQuorum: boolean;
  preVote: boolean;
  readOnlyOption: ReadOnlyOption;
  disableProposalForwarding: boolean;
  random: () => number;
}

// Deterministic default (mulberry32) so two runs of the same test agree.
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0 || 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function positiveInt(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0) {
    throw new RangeError(`config.${field} must be a positive integer, got ${String(v)}`);
  }
  return v;
}

function optionalLimit(v: number | undefined, field: string): number {
  if (v === undefined || v === 0) return NO_LIMIT;
  return positiveInt(v, field);
}

export function resolveConfig(c: Config): ResolvedConfig {
  positiveInt(c.id, 'id');
  if (!c.storage) throw new TypeError('config.storage is required');
  positiveInt(c.heartbeatTick, 'heartbeatTick');
  positiveInt(c.electionTick, 'electionTick');
  if (c.electionTick <= c.heartbeatTick) {
    throw new RangeError(
      `config.electionTick (${c.electionTick}) must be greater than heartbeatTick (${c.heartbeatTick})`,
    );
  }
  positiveInt(c.maxInflightMsgs, 'maxInflightMsgs');
  const applied = c.applied ?? 0;
  if (!Number.isSafeInteger(applied) || applied < 0)
    throw new RangeError(`config.applied must be >= 0, got ${applied}`);
  const readOnlyOption = c.readOnlyOption ?? ReadOnlyOption.Safe;
  if (readOnlyOption === ReadOnlyOption.LeaseBased && !c.checkQuorum) {
    throw new RangeError('config.checkQuorum must be enabled when config.readOnlyOption is LeaseBased');
  }
  const maxInflightBytes = c.maxInflightBytes ?? 0;
  if (!Number.isSafeInteger(maxInflightBytes) || maxInflightBytes < 0) {
    throw new RangeError(`config.maxInflightBytes must be >= 0, got ${maxInflightBytes}`);
  }
  return {
    id: c.id,
    storage: c.storage,
    electionTick: c.electionTick,
    heartbeatTick: c.heartbeatTick,
    applied,
    maxSizePerMsg: optionalLimit(c.maxSizePerMsg, 'maxSizePerMsg'),
    maxCommittedSizePerReady: optionalLimit(c.maxCommittedSizePerReady, 'maxCommittedSizePerReady'),
    maxUncommittedEntriesSize: optionalLimit(c.maxUncommittedEntriesSize, 'maxUncommittedEntriesSize'),
    maxInflightMsgs: c.maxInflightMsgs,
    maxInflightBytes,
    checkQuorum: c.checkQuorum ?? false,
    preVote: c.preVote ?? false,
    readOnlyOption,
    disableProposalForwarding: c.disableProposalForwarding ?? false,
    random: c.random ?? seededRandom(c.id),
  };
}
