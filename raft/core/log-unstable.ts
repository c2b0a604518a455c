// Entries (and possibly a snapshot) that the core holds but the caller has not yet
// persisted (etcd's log_unstable.go). `offset` is the index of entries[0].
import type { Entry, Snapshot } from '../types';

export class UnstableLog {
  snapshot: Snapshot | undefined;
  entries: Entry[] = [];
  offset: number;

  constructor(offset: number) {
    this.offset = offset;
  }

  maybeFirstIndex(): number | undefined {
    return this.snapshot ? this.snapshot.meta.index + 1 : undefined;
  }

  maybeLastIndex(): number | undefined {
    if (this.entries.length > 0) return this.offset + this.entries.length - 1;
    return this.snapshot ? this.snapshot.meta.index : undefined;
  }

  maybeTerm(i: number): number | undefined {
    if (i < this.offset) {
      if (this.snapshot && this.snapshot.meta.index === i) return this.snapshot.meta.term;
      return undefined;
    }
    const pos = i - this.offset;
    if (pos >= this.entries.length) return undefined;
    return this.entries[pos].term;
  }

  // The caller persisted entries up to (i, t). A mismatched term means the entry was
  // replaced since that Ready was handed out, and the replacement is still unstable.
  stableTo(i: number, t: number): void {
    const term = this.maybeTerm(i);
    if (term === undefined || term !== t || i < this.offset) return;
    const n = i + 1 - this.offset;
    this.entries = n >= this.entries.length ? [] : this.entries.slice(n);
    this.offset = i + 1;
  }

  stableSnapTo(i: number): void {
    if (this.snapshot && this.snapshot.meta.index === i) this.snapshot = undefined;
  }

  restore(s: Snapshot): void {
    this.offset = s.meta.index + 1;
    this.entries = [];
    this.snapshot = s;
  }

  truncateAndAppend(ents: readonly Entry[]): void {
    const from = ents[0].index;
    if (from === this.offset + this.entries.length) {
      // Plain append: the common case on both leader and follower.
      for (let i = 0; i < ents.length; i++) this.entries.push(ents[i]);
    } else if (from <= this.offset) {
      // Replaces everything unstable (the stable tail is overridden by the caller's storage append).
      this.offset = from;
      this.entries = ents.slice();
    } else {
      // Keep [offset, from) and replace the rest. A new array: a Ready may hold the old one.
      const kept = this.entries.slice(0, from - this.offset);
      for (let i = 0; i < ents.length; i++) kept.push(ents[i]);
      this.entries = kept;
    }
  }

  // Entries [lo, hi), both within the unstable range.
  slice(lo: number, hi: number): Entry[] {
    return this.entries.slice(lo - this.offset, hi - this.offset);
  }
}
