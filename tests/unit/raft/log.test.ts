import { CompactedError, MemoryStorage, UnavailableError } from '../../../raft';
import { RaftLog } from '../../../raft/core/raft-log';
import { UnstableLog } from '../../../raft/core/log-unstable';
import { entry } from './helpers';

function logWith(terms: number[], unstableTerms: number[] = []): RaftLog {
  const s = new MemoryStorage({ voters: [1] });
  s.append(terms.map((t, i) => entry(t, i + 1)));
  const log = new RaftLog(s);
  if (unstableTerms.length > 0) log.append(unstableTerms.map((t, i) => entry(t, terms.length + i + 1)));
  return log;
}

const pairs = (log: RaftLog): Array<[number, number]> =>
  log.slice(log.firstIndex(), log.lastIndex() + 1).map((e) => [e.term, e.index]);

describe('RaftLog', () => {
  test('findConflict: first mismatching or new entry, 0 when all present', () => {
    const log = logWith([1, 2, 3]);
    expect(log.findConflict([])).toBe(0);
    expect(log.findConflict([entry(1, 1), entry(2, 2)])).toBe(0);
    expect(log.findConflict([entry(2, 2), entry(3, 3), entry(4, 4)])).toBe(4);
    expect(log.findConflict([entry(1, 1), entry(4, 2)])).toBe(2);
    expect(log.findConflict([entry(9, 5)])).toBe(5);
  });

  test('findConflictByTerm returns the last index with term <= the given term', () => {
    const log = logWith([1, 1, 3, 3, 5]);
    expect(log.findConflictByTerm(5, 4)).toEqual({ index: 4, term: 3 });
    expect(log.findConflictByTerm(5, 2)).toEqual({ index: 2, term: 1 });
    expect(log.findConflictByTerm(5, 5)).toEqual({ index: 5, term: 5 });
    expect(log.findConflictByTerm(3, 0)).toEqual({ index: 0, term: 0 });
  });

  test('maybeAppend: rejects on mismatch, truncates only real conflicts, commits min(commit, lastNew)', () => {
    const log = logWith([1, 2, 3]);
    expect(log.maybeAppend(3, 2, 3, [entry(4, 4)])).toBe(-1);
    expect(log.maybeAppend(4, 3, 3, [])).toBe(-1);
    // Stale: entries all match; nothing beyond index 2 is cut.
    expect(log.maybeAppend(1, 1, 1, [entry(2, 2)])).toBe(2);
    expect(pairs(log)).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(log.committed).toBe(1);
    // Conflict at 3: replaced, and commit bounded by the last new entry.
    expect(log.maybeAppend(2, 2, 10, [entry(4, 3)])).toBe(3);
    expect(pairs(log)).toEqual([
      [1, 1],
      [2, 2],
      [4, 3],
    ]);
    expect(log.committed).toBe(3);
  });

  test('refuses to overwrite committed entries', () => {
    const log = logWith([1, 2, 3]);
    log.commitTo(2);
    expect(() => log.maybeAppend(1, 1, 3, [entry(9, 2)])).toThrow(/conflicts with committed/);
    expect(() => log.commitTo(4)).toThrow(/out of range/);
  });

  test('maybeCommit only commits an index of the given term', () => {
    const log = logWith([1, 1, 2]);
    expect(log.maybeCommit(2, 2)).toBe(false);
    expect(log.maybeCommit(3, 2)).toBe(true);
    expect(log.committed).toBe(3);
    expect(log.maybeCommit(2, 1)).toBe(false);
  });

  test('isUpToDate compares last term, then last index', () => {
    const log = logWith([1, 2, 2]);
    expect(log.isUpToDate(3, 2)).toBe(true);
    expect(log.isUpToDate(4, 2)).toBe(true);
    expect(log.isUpToDate(2, 2)).toBe(false);
    expect(log.isUpToDate(1, 3)).toBe(true);
    expect(log.isUpToDate(9, 1)).toBe(false);
  });

  test('term() spans storage and unstable entries and reports compaction', () => {
    const s = new MemoryStorage({ voters: [1] });
    s.append([entry(1, 1), entry(1, 2), entry(2, 3)]);
    s.createSnapshot(2, undefined, new Uint8Array());
    s.compact(2);
    const log = new RaftLog(s);
    log.append([entry(3, 4)]);
    expect(log.firstIndex()).toBe(3);
    expect(log.term(2)).toBe(1); // the snapshot's index is still matchable
    expect(log.term(3)).toBe(2);
    expect(log.term(4)).toBe(3);
    expect(() => log.term(1)).toThrow(CompactedError);
    expect(() => log.term(5)).toThrow(UnavailableError);
    expect(log.termOrZero(1)).toBe(0);
    expect(() => log.slice(1, 3)).toThrow(CompactedError);
    expect(log.slice(3, 5).map((e) => e.index)).toEqual([3, 4]);
  });

  test('slice respects maxBytes but always returns one entry', () => {
    const log = logWith([1, 1, 1]);
    expect(log.slice(1, 4, 1).length).toBe(1);
    expect(log.slice(1, 4, 16 * 2).length).toBe(2);
    expect(log.slice(1, 4).length).toBe(3);
  });

  test('nextCommittedEnts hands out committed, unapplied entries (unstable included)', () => {
    const log = logWith([1], [1, 1]);
    log.commitTo(2);
    expect(log.nextCommittedEnts().map((e) => e.index)).toEqual([1, 2]);
    log.appliedTo(2);
    expect(log.hasNextCommittedEnts()).toBe(false);
    log.commitTo(3);
    expect(log.nextCommittedEnts().map((e) => e.index)).toEqual([3]);
    expect(() => log.appliedTo(4)).toThrow(/out of range/);
  });

  test('stableTo ignores an entry replaced since the Ready was handed out', () => {
    const log = logWith([], [1, 1]);
    const ready = log.unstableEntries();
    log.append([entry(2, 2)]); // truncates index 2 and replaces it
    log.stableTo(2, ready[1].term);
    expect(log.unstable.entries.map((e) => [e.term, e.index])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    log.stableTo(2, 2);
    expect(log.hasUnstable()).toBe(false);
  });
});

describe('UnstableLog', () => {
  test('truncateAndAppend: append, replace all, truncate in the middle', () => {
    const u = new UnstableLog(5);
    u.truncateAndAppend([entry(1, 5), entry(1, 6)]);
    u.truncateAndAppend([entry(1, 7)]);
    expect(u.entries.map((e) => e.index)).toEqual([5, 6, 7]);
    const handedOut = u.entries;
    u.truncateAndAppend([entry(2, 6)]);
    expect(u.entries.map((e) => [e.term, e.index])).toEqual([
      [1, 5],
      [2, 6],
    ]);
    expect(handedOut.length).toBe(3); // a Ready holding the old array is not mutated
    u.truncateAndAppend([entry(3, 4)]);
    expect(u.offset).toBe(4);
    expect(u.entries.map((e) => e.index)).toEqual([4]);
  });

  test('snapshot bounds', () => {
    const u = new UnstableLog(1);
    expect(u.maybeFirstIndex()).toBeUndefined();
    expect(u.maybeLastIndex()).toBeUndefined();
    u.restore({
      meta: { index: 10, term: 3, confState: { voters: [1], learners: [] } },
      data: new Uint8Array(),
    });
    expect(u.maybeFirstIndex()).toBe(11);
    expect(u.maybeLastIndex()).toBe(10);
    expect(u.maybeTerm(10)).toBe(3);
    expect(u.maybeTerm(9)).toBeUndefined();
    u.stableSnapTo(10);
    expect(u.snapshot).toBeUndefined();
  });
});
