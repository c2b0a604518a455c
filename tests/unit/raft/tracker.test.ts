import { ConfChangeType } from '../../../raft';
import { Inflights } from '../../../raft/core/inflights';
import { Progress, ProgressState } from '../../../raft/core/progress';
import { majorityCommitted, voteResult, VoteResult } from '../../../raft/core/quorum';
import { ProgressTracker } from '../../../raft/core/tracker';

describe('Inflights', () => {
  test('fills up to its size, frees up to an index, wraps around', () => {
    const inf = new Inflights(4);
    for (let i = 1; i <= 4; i++) inf.add(i * 10, 1);
    expect(inf.full()).toBe(true);
    expect(() => inf.add(50, 1)).toThrow(/full/);
    inf.freeLE(20);
    expect(inf.count).toBe(2);
    inf.add(50, 1);
    inf.add(60, 1); // wraps
    expect(inf.full()).toBe(true);
    inf.freeLE(5); // below the oldest: nothing
    expect(inf.count).toBe(4);
    inf.freeLE(55);
    expect(inf.count).toBe(1);
    inf.freeLE(1000);
    expect(inf.count).toBe(0);
    expect(inf.full()).toBe(false);
  });

  test('byte limit', () => {
    const inf = new Inflights(100, 10);
    inf.add(1, 6);
    expect(inf.full()).toBe(false);
    inf.add(2, 6);
    expect(inf.full()).toBe(true);
    inf.freeLE(1);
    expect(inf.bytes).toBe(6);
    expect(inf.full()).toBe(false);
  });

  test('clone is independent', () => {
    const inf = new Inflights(3);
    inf.add(1, 1);
    const c = inf.clone();
    inf.freeLE(1);
    expect(c.count).toBe(1);
    expect(inf.count).toBe(0);
  });
});

describe('Progress', () => {
  const mk = (): Progress => new Progress(5, 2, 0);

  test('probe pauses after one append, resumes on an update', () => {
    const p = mk();
    expect(p.isPaused()).toBe(false);
    p.sentEntries(1, 5, 10);
    expect(p.isPaused()).toBe(true);
    expect(p.maybeUpdate(5)).toBe(true);
    expect(p.isPaused()).toBe(false);
    expect(p.next).toBe(6);
    expect(p.maybeUpdate(4)).toBe(false);
  });

  test('replicate streams optimistically until the window is full', () => {
    const p = mk();
    p.maybeUpdate(4);
    p.becomeReplicate();
    p.sentEntries(2, 6, 1);
    expect(p.next).toBe(7);
    expect(p.isPaused()).toBe(false);
    p.sentEntries(1, 7, 1);
    expect(p.isPaused()).toBe(true);
    p.inflights.freeLE(6);
    p.msgAppFlowPaused = p.inflights.full();
    expect(p.isPaused()).toBe(false);
  });

  test('maybeDecrTo: ignores stale rejections; probe uses the hint, replicate falls back to match+1', () => {
    const p = mk(); // probe, next 5
    expect(p.maybeDecrTo(3, 0)).toBe(false); // not the latest probe
    expect(p.maybeDecrTo(4, 1)).toBe(true);
    expect(p.next).toBe(2);
    const r = mk();
    r.maybeUpdate(5);
    r.becomeReplicate();
    r.sentEntries(3, 9, 1);
    expect(r.maybeDecrTo(4, 0)).toBe(false); // at or below match: stale
    expect(r.maybeDecrTo(7, 0)).toBe(true);
    expect(r.next).toBe(6);
  });

  test('snapshot state pauses; becoming probe resumes after the snapshot', () => {
    const p = mk();
    p.becomeSnapshot(20);
    expect(p.isPaused()).toBe(true);
    expect(p.state).toBe(ProgressState.Snapshot);
    p.becomeProbe();
    expect(p.next).toBe(21);
    expect(p.pendingSnapshot).toBe(0);
  });
});

describe('quorum', () => {
  test.each<[number[], number]>([
    [[], 0],
    [[7], 7],
    [[5, 3], 3],
    [[5, 3, 1], 3],
    [[1, 5, 3], 3],
    [[9, 9, 1, 1], 1],
    [[9, 9, 9, 1], 9],
    [[2, 8, 5, 4, 6], 5],
  ])('majority committed of %j is %i', (matches, want) => {
    const ids = matches.map((_, i) => i + 1);
    expect(majorityCommitted(ids, (id) => matches[id - 1])).toBe(want);
  });

  test.each<[number, Record<number, boolean>, VoteResult]>([
    [0, {}, VoteResult.Won],
    [1, {}, VoteResult.Pending],
    [1, { 1: true }, VoteResult.Won],
    [3, { 1: true }, VoteResult.Pending],
    [3, { 1: true, 2: true }, VoteResult.Won],
    [3, { 1: true, 2: false, 3: false }, VoteResult.Lost],
    [4, { 1: true, 2: true }, VoteResult.Pending],
    [4, { 1: true, 2: false, 3: false }, VoteResult.Lost],
    [5, { 1: true, 2: true, 3: true }, VoteResult.Won],
    [5, { 9: true, 1: true, 2: true }, VoteResult.Pending], // non-voters do not count
  ])('%i voters with votes %j: %s', (n, votes, want) => {
    const ids = Array.from({ length: n }, (_, i) => i + 1);
    const m = new Map(Object.entries(votes).map(([k, v]) => [Number(k), v] as [number, boolean]));
    expect(voteResult(ids, m)).toBe(want);
  });
});

describe('ProgressTracker conf changes', () => {
  test('add learner, promote, demote, remove', () => {
    const t = new ProgressTracker(4, 0);
    t.restore({ voters: [1, 2, 3], learners: [] }, 10);
    t.applyConfChange({ type: ConfChangeType.AddLearner, nodeId: 4 }, 10);
    expect(t.confState()).toEqual({ voters: [1, 2, 3], learners: [4] });
    expect(t.progress.get(4)!.isLearner).toBe(true);
    expect(t.progress.get(4)!.recentActive).toBe(true);
    t.applyConfChange({ type: ConfChangeType.AddVoter, nodeId: 4 }, 10);
    expect(t.confState()).toEqual({ voters: [1, 2, 3, 4], learners: [] });
    t.applyConfChange({ type: ConfChangeType.AddLearner, nodeId: 2 }, 10);
    expect(t.confState()).toEqual({ voters: [1, 3, 4], learners: [2] });
    t.applyConfChange({ type: ConfChangeType.RemoveVoter, nodeId: 2 }, 10);
    expect(t.confState()).toEqual({ voters: [1, 3, 4], learners: [] });
    expect(t.progress.has(2)).toBe(false);
  });

  test('learners do not count toward commit', () => {
    const t = new ProgressTracker(4, 0);
    t.restore({ voters: [1, 2, 3], learners: [4, 5] }, 1);
    t.progress.get(1)!.match = 5;
    t.progress.get(4)!.match = 5;
    t.progress.get(5)!.match = 5;
    expect(t.committed()).toBe(0);
    t.progress.get(2)!.match = 5;
    expect(t.committed()).toBe(5);
  });

  test('bad changes are refused with a clear error', () => {
    const t = new ProgressTracker(4, 0);
    t.restore({ voters: [1], learners: [] }, 1);
    expect(() => t.applyConfChange({ type: ConfChangeType.RemoveVoter, nodeId: 1 }, 1)).toThrow(/last voter/);
    expect(() => t.applyConfChange({ type: ConfChangeType.AddVoter, nodeId: 0 }, 1)).toThrow(/nodeId/);
    expect(() => t.applyConfChange({ type: 9 as ConfChangeType, nodeId: 2 }, 1)).toThrow(/type/);
  });
});
