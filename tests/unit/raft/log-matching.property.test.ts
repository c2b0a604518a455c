// Property: whatever appends a follower receives from the leader (any prefix, stale,
// duplicated, reordered), an accepted append leaves the follower's log equal to the
// leader's up to the append's last entry, and entries that already matched the leader
// are never lost (a stale append must not truncate newer entries).
import fc from 'fast-check';
import { MemoryStorage } from '../../../raft';
import { RaftLog } from '../../../raft/core/raft-log';
import { entry } from './helpers';

// Non-decreasing terms, each step 0 or +2, from `start`: leader logs use even terms,
// the follower's divergent tail odd ones, so (as in Raft, where a term has one leader)
// an entry of the same index and term is the same entry, and Log Matching holds.
const termsArb = (maxLen: number, start: number): fc.Arbitrary<number[]> =>
  fc.array(fc.boolean(), { maxLength: maxLen }).map((steps) => {
    let t = start;
    return steps.map((up) => (t += up ? 2 : 0));
  });

// A follower log: a prefix of the leader's, then a tail the leader never had.
const followerArb = (leader: number[]): fc.Arbitrary<number[]> =>
  fc.tuple(fc.nat({ max: leader.length }), termsArb(8, 1)).map(([k, tail]) => {
    const prefix = leader.slice(0, k);
    const floor = prefix.length > 0 ? prefix[prefix.length - 1] + 1 : 1;
    return [...prefix, ...tail.map((t) => t + floor - 1)];
  });

function matchingPrefix(log: RaftLog, leader: number[]): number {
  let i = 0;
  while (i < leader.length && i + 1 <= log.lastIndex() && log.term(i + 1) === leader[i]) i++;
  return i;
}

test('appends preserve log matching and never lose matched entries', () => {
  fc.assert(
    fc.property(
      termsArb(12, 2).chain((leader) => fc.tuple(fc.constant(leader), followerArb(leader))),
      fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 25 }),
      ([leader, follower], sends) => {
        const s = new MemoryStorage({ voters: [1] });
        s.append(follower.map((t, i) => entry(t, i + 1)));
        const log = new RaftLog(s);
        for (const [a, b] of sends) {
          if (leader.length === 0) return;
          const prev = a % (leader.length + 1);
          const last = prev + (b % (leader.length - prev + 1));
          const ents = leader.slice(prev, last).map((t, i) => entry(t, prev + i + 1));
          const before = matchingPrefix(log, leader);
          const lastNew = log.maybeAppend(prev, prev === 0 ? 0 : leader[prev - 1], 0, ents);
          const after = matchingPrefix(log, leader);
          if (lastNew >= 0) {
            if (lastNew !== last) return false;
            if (after < last) return false;
          }
          if (after < before) return false;
        }
        return true;
      },
    ),
    { numRuns: 300, seed: 42 },
  );
});
