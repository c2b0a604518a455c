// Each safety check fires on the violation it names, and stays quiet on the legal
// look-alike (so a passing simulation means something).
import { EntryType, Entry } from '../../../raft/types';
import { Invariants, InvariantViolation } from '../../support/raft-sim/invariants';

const entry = (index: number, term: number, data = `${index}/${term}`): Entry => ({
  index,
  term,
  type: EntryType.Normal,
  data: new TextEncoder().encode(data),
});

describe('simulator invariants', () => {
  test('election safety: one leader per term, re-observing it is fine', () => {
    const inv = new Invariants();
    expect(inv.observeLeader(3, 1)).toBe(true);
    expect(inv.observeLeader(3, 1)).toBe(false);
    expect(inv.observeLeader(4, 2)).toBe(true);
    expect(() => inv.observeLeader(3, 2)).toThrow(/election safety/);
  });

  test('log matching: same index and term means same content and same predecessor', () => {
    const inv = new Invariants();
    inv.observeLogEntry(1, entry(5, 2), 1);
    inv.observeLogEntry(2, entry(5, 2), 1);
    inv.observeLogEntry(2, entry(5, 3, 'other term may differ'), 2);
    expect(() => inv.observeLogEntry(3, entry(5, 2, 'different'), 1)).toThrow(/log matching/);
    expect(() => inv.observeLogEntry(3, entry(5, 2), 2)).toThrow(/log matching/);
  });

  test('committed entries and applied entries agree across nodes', () => {
    const inv = new Invariants();
    inv.observeCommitted(1, 1, 1);
    inv.observeCommitted(2, 1, 1);
    expect(() => inv.observeCommitted(3, 1, 2)).toThrow(InvariantViolation);
    inv.observeApplied(1, entry(1, 1));
    expect(() => inv.observeApplied(2, entry(1, 1, 'different'))).toThrow(/state machine safety/);
    expect(() => inv.observeApplied(2, entry(2, 5))).not.toThrow();
    inv.observeCommitted(1, 3, 4);
    expect(() => inv.observeApplied(2, entry(3, 3))).toThrow(/committed at 4/);
  });

  test('leader completeness: a new leader holds every committed entry it has not compacted', () => {
    const inv = new Invariants();
    inv.observeCommitted(1, 1, 1);
    inv.observeCommitted(1, 2, 2);
    const log: Record<number, number | undefined> = { 1: undefined, 2: 2 };
    expect(() => inv.checkLeaderCompleteness(2, 3, (i) => log[i])).not.toThrow();
    expect(() => inv.checkLeaderCompleteness(3, 3, (i) => (i === 2 ? 1 : 1))).toThrow(/leader completeness/);
    expect(() => inv.checkLeaderCompleteness(3, 3, (i) => (i === 2 ? -1 : 1))).toThrow(/leader completeness/);
  });
});
