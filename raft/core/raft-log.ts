// The log as the core sees it: stable storage underneath, unstable entries on top
// (etcd's log.go). Indexes: [firstIndex, lastIndex] are available; firstIndex-1 is the
// snapshot's index, whose term is still known for matching.
import { CompactedError, UnavailableError, type Entry, type LogStorage, type Snapshot } from '../types';
import { UnstableLog } from './log-unstable';

export const NO_LIMIT = Number.MAX_SAFE_INTEGER;

// Payload plus a fixed overhead for index/term/type, so empty entries still count.
export function entrySize(e: Entry): number {
  return e.data.length + 16;
}

export class RaftLog {
  readonly unstable: UnstableLog;
  committed: number;
  applied: number;

  constructor(
    readonly storage: LogStorage,
    readonly maxApplyingBytes = NO_LIMIT,
  ) {
    const first = storage.firstIndex();
    const last = storage.lastIndex();
    this.unstable = new UnstableLog(last + 1);
    this.committed = first - 1;
    this.applied = first - 1;
  }

  firstIndex(): number {
    return this.unstable.maybeFirstIndex() ?? this.storage.firstIndex();
  }

  lastIndex(): number {
    return this.unstable.maybeLastIndex() ?? this.storage.lastIndex();
  }

  lastTerm(): number {
    return this.term(this.lastIndex());
  }

  // Throws CompactedError / UnavailableError outside [firstIndex-1, lastIndex].
  term(i: number): number {
    const t = this.unstable.maybeTerm(i);
    if (t !== undefined) return t;
    if (i + 1 < this.firstIndex()) throw new CompactedError(i);
    if (i > this.lastIndex()) throw new UnavailableError(i);
    return this.storage.term(i);
  }

  termOrZero(i: number): number {
    const t = this.unstable.maybeTerm(i);
    if (t !== undefined) return t;
    if (i + 1 < this.firstIndex() || i > this.lastIndex()) return 0;
    try {
      return this.storage.term(i);
    } catch (e) {
      if (e instanceof CompactedError || e instanceof UnavailableError) return 0;
      throw e;
    }
  }

  matchTerm(i: number, t: number): boolean {
    const u = this.unstable.maybeTerm(i);
    if (u !== undefined) return u === t;
    if (i + 1 < this.firstIndex() || i > this.lastIndex()) return false;
    return this.storage.term(i) === t;
  }

  isUpToDate(lastIndex: number, term: number): boolean {
    const myTerm = this.lastTerm();
    return term > myTerm || (term === myTerm && lastIndex >= this.lastIndex());
  }

  // Index of the first entry of `ents` that conflicts with (or extends) our log; 0 when
  // every entry is already present with the same term. Only a real conflict truncates:
  // a stale append whose entries all match must never cut newer entries off.
  findConflict(ents: readonly Entry[]): number {
    for (let i = 0; i < ents.length; i++) {
      const e = ents[i];
      if (!this.matchTerm(e.index, e.term)) return e.index;
    }
    return 0;
  }

  // For fast log backtracking: the largest index <= `index` whose term is <= `term`,
  // with that term. Stops at the first unknown term.
  findConflictByTerm(index: number, term: number): { index: number; term: number } {
    for (;;) {
      let t: number;
      try {
        t = this.term(index);
      } catch (e) {
        if (e instanceof CompactedError || e instanceof UnavailableError) return { index, term: 0 };
        throw e;
      }
      if (t <= term || index === 0) return { index, term: t };
      index--;
    }
  }

  // Follower side of AppendEntries. Returns the index of the last new entry, or -1 when
  // (prevIndex, prevTerm) does not match our log.
  maybeAppend(prevIndex: number, prevTerm: number, committed: number, ents: readonly Entry[]): number {
    if (!this.matchTerm(prevIndex, prevTerm)) return -1;
    const lastNew = prevIndex + ents.length;
    const ci = this.findConflict(ents);
    if (ci !== 0) {
      if (ci <= this.committed) {
        throw new Error(`entry ${ci} conflicts with committed entry (committed ${this.committed})`);
      }
      const start = ci - (prevIndex + 1);
      this.append(start === 0 ? ents : ents.slice(start));
    }
    this.commitTo(Math.min(committed, lastNew));
    return lastNew;
  }

  append(ents: readonly Entry[]): number {
    if (ents.length === 0) return this.lastIndex();
    const after = ents[0].index - 1;
    if (after < this.committed) throw new Error(`append at ${after} is below committed ${this.committed}`);
    this.unstable.truncateAndAppend(ents);
    return this.lastIndex();
  }

  // A copy: the caller keeps it across later appends.
  unstableEntries(): Entry[] {
    return this.unstable.entries.length === 0 ? [] : this.unstable.entries.slice();
  }

  hasUnstable(): boolean {
    return this.unstable.entries.length > 0;
  }

  // The index of the last entry the caller has persisted (the leader's self-ack point).
  stableLastIndex(): number {
    return this.unstable.entries.length > 0 ? this.unstable.offset - 1 : this.lastIndex();
  }

  hasNextCommittedEnts(): boolean {
    if (this.hasPendingSnapshot()) return false;
    const lo = Math.max(this.applied + 1, this.firstIndex());
    return this.committed + 1 > lo;
  }

  // Committed entries not yet applied. Entries still unstable are included: the caller
  // persists a Ready's entries before applying its committed entries.
  nextCommittedEnts(): Entry[] {
    if (this.hasPendingSnapshot()) return [];
    const lo = Math.max(this.applied + 1, this.firstIndex());
    const hi = this.committed + 1;
    if (hi <= lo) return [];
    return this.slice(lo, hi, this.maxApplyingBytes);
  }

  hasPendingSnapshot(): boolean {
    return this.unstable.snapshot !== undefined;
  }

  snapshot(): Snapshot {
    return this.unstable.snapshot ?? this.storage.snapshot();
  }

  commitTo(toCommit: number): void {
    if (this.committed < toCommit) {
      if (this.lastIndex() < toCommit) {
        throw new Error(`tocommit(${toCommit}) is out of range [lastIndex(${this.lastIndex()})]`);
      }
      this.committed = toCommit;
    }
  }

  // Commit rule of the leader (Figure 8): only an entry of the current term is
  // committed by counting replicas; earlier entries are committed with it.
  maybeCommit(maxIndex: number, term: number): boolean {
    if (maxIndex > this.committed && this.termOrZero(maxIndex) === term) {
      this.commitTo(maxIndex);
      return true;
    }
    return false;
  }

  appliedTo(i: number): void {
    if (i === 0) return;
    if (this.committed < i || i < this.applied) {
      throw new Error(
        `applied(${i}) is out of range [prevApplied(${this.applied}), committed(${this.committed})]`,
      );
    }
    this.applied = i;
  }

  stableTo(i: number, t: number): void {
    this.unstable.stableTo(i, t);
  }

  stableSnapTo(i: number): void {
    this.unstable.stableSnapTo(i);
  }

  restore(s: Snapshot): void {
    this.committed = s.meta.index;
    this.unstable.restore(s);
  }

  entries(from: number, maxBytes = NO_LIMIT): Entry[] {
    const last = this.lastIndex();
    if (from > last) return [];
    return this.slice(from, last + 1, maxBytes);
  }

  // Entries [lo, hi) limited to maxBytes (at least one entry is returned).
  slice(lo: number, hi: number, maxBytes = NO_LIMIT): Entry[] {
    if (lo > hi) throw new Error(`invalid slice ${lo} > ${hi}`);
    const first = this.firstIndex();
    if (lo < first) throw new CompactedError(lo);
    const last = this.lastIndex();
    if (hi > last + 1) throw new Error(`slice[${lo},${hi}) out of bound [${first},${last}]`);
    if (lo === hi) return [];
    const uOffset = this.unstable.offset;
    let ents: Entry[];
    if (lo < uOffset) {
      ents = this.storage.entries(lo, Math.min(hi, uOffset), maxBytes);
      // Storage returned less than asked: the size limit was hit.
      if (ents.length < Math.min(hi, uOffset) - lo) return ents;
      if (hi > uOffset) {
        const more = this.unstable.slice(uOffset, hi);
        // Storage may hand back its own array; never append into it.
        ents = ents.concat(more);
      }
    } else {
      ents = this.unstable.slice(lo, hi);
    }
    return limitSize(ents, maxBytes);
  }
}

export function limitSize(ents: Entry[], maxBytes: number): Entry[] {
  if (maxBytes >= NO_LIMIT || ents.length <= 1) return ents;
  let size = entrySize(ents[0]);
  let n = 1;
  for (; n < ents.length; n++) {
    size += entrySize(ents[n]);
    if (size > maxBytes) break;
  }
  return n < ents.length ? ents.slice(0, n) : ents;
}
