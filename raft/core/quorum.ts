// Majority quorum arithmetic (etcd's quorum/ package, without joint consensus: shoal
// changes membership one server at a time, so a configuration is a single majority set).
import type { NodeId } from '../types';

export enum VoteResult {
  Pending = 'Pending',
  Lost = 'Lost',
  Won = 'Won',
}

// Reused scratch buffer: commit advancement runs on every append response, and
// allocating a fresh array each time shows up on the hot path.
let scratch: number[] = [];

// The largest index acknowledged by a majority of `voters`. `matchOf` returns the
// acknowledged index of one voter (0 when unknown). An empty set commits nothing.
export function majorityCommitted(voters: readonly NodeId[], matchOf: (id: NodeId) => number): number {
  const n = voters.length;
  if (n === 0) return 0;
  if (n === 1) return matchOf(voters[0]);
  if (scratch.length < n) scratch = new Array<number>(n);
  for (let i = 0; i < n; i++) scratch[i] = matchOf(voters[i]);
  // Insertion sort, descending: n is a handful of managers.
  for (let i = 1; i < n; i++) {
    const v = scratch[i];
    let j = i - 1;
    while (j >= 0 && scratch[j] < v) {
      scratch[j + 1] = scratch[j];
      j--;
    }
    scratch[j + 1] = v;
  }
  // With the values sorted descending, the (q-1)th is acknowledged by q voters.
  return scratch[Math.floor(n / 2)];
}

// Outcome of an election given the votes received so far (true = granted).
// An empty voter set wins by convention, as in etcd.
export function voteResult(voters: readonly NodeId[], votes: ReadonlyMap<NodeId, boolean>): VoteResult {
  const n = voters.length;
  if (n === 0) return VoteResult.Won;
  let granted = 0;
  let missing = 0;
  for (const id of voters) {
    const v = votes.get(id);
    if (v === undefined) missing++;
    else if (v) granted++;
  }
  const q = Math.floor(n / 2) + 1;
  if (granted >= q) return VoteResult.Won;
  if (granted + missing >= q) return VoteResult.Pending;
  return VoteResult.Lost;
}
