// In-memory LogStorage (etcd's MemoryStorage): for tests, simulations and as the
// reference behaviour for durable storages. ents[0] is a dummy entry standing for the
// snapshot's last entry, so term(firstIndex-1) is always answerable.
import {
  CompactedError,
  EntryType,
  UnavailableError,
  type ConfState,
  type Entry,
  type HardState,
  type LogStorage,
  type NodeId,
  type Snapshot,
} from './types';
import { limitSize, NO_LIMIT } from './core/raft-log';

const EMPTY = new Uint8Array(0);

export class SnapshotOutOfDateError extends Error {
  constructor(index: number, current: number) {
    super(`snapshot at index ${index} is older than the current one at ${current}`);
    this.name = 'SnapshotOutOfDateError';
  }
}

export class MemoryStorage implements LogStorage {
  private hardState: HardState = { term: 0, vote: 0, commit: 0 };
  private snap: Snapshot;
  private confState: ConfState;
  private ents: Entry[];

  // A new cluster's members start from this configuration (as if from a snapshot at 0).
  constructor(init: { voters?: NodeId[]; learners?: NodeId[] } = {}) {
    this.confState = { voters: [...(init.voters ?? [])], learners: [...(init.learners ?? [])] };
    this.snap = { meta: { index: 0, term: 0, confState: this.confState }, data: EMPTY };
    this.ents = [{ term: 0, index: 0, type: EntryType.Normal, data: EMPTY }];
  }

  initialState(): { hardState: HardState; confState: ConfState } {
    return {
      hardState: { ...this.hardState },
      confState: { voters: [...this.confState.voters], learners: [...this.confState.learners] },
    };
  }

  setHardState(hs: HardState): void {
    this.hardState = { ...hs };
  }

  // The configuration a restart should use (the driver records applied conf changes).
  setConfState(cs: ConfState): void {
    this.confState = { voters: [...cs.voters], learners: [...cs.learners] };
  }

  entries(lo: number, hi: number, maxBytes = NO_LIMIT): Entry[] {
    const offset = this.ents[0].index;
    if (lo <= offset) throw new CompactedError(lo);
    if (hi > this.lastIndex() + 1) throw new UnavailableError(hi - 1);
    return limitSize(this.ents.slice(lo - offset, hi - offset), maxBytes);
  }

  term(i: number): number {
    const offset = this.ents[0].index;
    if (i < offset) throw new CompactedError(i);
    if (i - offset >= this.ents.length) throw new UnavailableError(i);
    return this.ents[i - offset].term;
  }

  lastIndex(): number {
    return this.ents[0].index + this.ents.length - 1;
  }

  firstIndex(): number {
    return this.ents[0].index + 1;
  }

  snapshot(): Snapshot {
    return this.snap;
  }

  // Replaces the whole content with a snapshot received from the leader.
  applySnapshot(snap: Snapshot): void {
    if (snap.meta.index < this.snap.meta.index)
      throw new SnapshotOutOfDateError(snap.meta.index, this.snap.meta.index);
    this.snap = snap;
    this.confState = { voters: [...snap.meta.confState.voters], learners: [...snap.meta.confState.learners] };
    this.ents = [{ term: snap.meta.term, index: snap.meta.index, type: EntryType.Normal, data: EMPTY }];
  }

  // Records a snapshot of the applied state at index i (<= applied); compact() may follow.
  createSnapshot(i: number, cs: ConfState | undefined, data: Uint8Array): Snapshot {
    if (i <= this.snap.meta.index) throw new SnapshotOutOfDateError(i, this.snap.meta.index);
    if (i > this.lastIndex())
      throw new RangeError(`snapshot index ${i} is past the last index ${this.lastIndex()}`);
    const offset = this.ents[0].index;
    const confState = cs ? { voters: [...cs.voters], learners: [...cs.learners] } : this.snap.meta.confState;
    this.snap = { meta: { index: i, term: this.ents[i - offset].term, confState }, data };
    return this.snap;
  }

  // Discards entries up to compactIndex, which must be covered by the snapshot: a
  // follower that needs the discarded entries is sent that snapshot instead.
  compact(compactIndex: number): void {
    const offset = this.ents[0].index;
    if (compactIndex <= offset) throw new CompactedError(compactIndex);
    if (compactIndex > this.snap.meta.index) {
      throw new RangeError(
        `compact index ${compactIndex} is past the snapshot index ${this.snap.meta.index}: createSnapshot first`,
      );
    }
    if (compactIndex > this.lastIndex()) {
      throw new RangeError(`compact index ${compactIndex} is past the last index ${this.lastIndex()}`);
    }
    const i = compactIndex - offset;
    const dummy: Entry = {
      term: this.ents[i].term,
      index: this.ents[i].index,
      type: EntryType.Normal,
      data: EMPTY,
    };
    this.ents = [dummy, ...this.ents.slice(i + 1)];
  }

  // Appends entries, replacing any conflicting tail.
  append(entries: readonly Entry[]): void {
    if (entries.length === 0) return;
    const first = this.firstIndex();
    const last = entries[0].index + entries.length - 1;
    if (last < first) return; // all already compacted
    let ents = entries;
    if (first > entries[0].index) ents = entries.slice(first - entries[0].index);
    const offset = ents[0].index - this.ents[0].index;
    if (offset > this.ents.length) {
      throw new RangeError(`missing log entries [last: ${this.lastIndex()}, append at: ${ents[0].index}]`);
    }
    if (offset < this.ents.length) this.ents.length = offset;
    for (let i = 0; i < ents.length; i++) this.ents.push(ents[i]);
  }
}
