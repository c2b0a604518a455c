// The configuration (voters, learners) and the leader's per-member progress (etcd's
// tracker/tracker.go plus confchange/, for one-at-a-time membership changes).
import { ConfChangeType, type ConfChange, type ConfState, type NodeId } from '../types';
import { majorityCommitted, voteResult, VoteResult } from './quorum';
import { Progress } from './progress';

export class ProgressTracker {
  voters: NodeId[] = []; // sorted
  learners: NodeId[] = []; // sorted
  readonly progress = new Map<NodeId, Progress>();
  readonly votes = new Map<NodeId, boolean>();

  constructor(
    readonly maxInflight: number,
    readonly maxInflightBytes: number,
  ) {}

  confState(): ConfState {
    return { voters: this.voters.slice(), learners: this.learners.slice() };
  }

  isVoter(id: NodeId): boolean {
    return this.voters.includes(id);
  }

  isSingleton(): boolean {
    return this.voters.length === 1;
  }

  private readonly matchOf = (id: NodeId): number => this.progress.get(id)?.match ?? 0;

  committed(): number {
    return majorityCommitted(this.voters, this.matchOf);
  }

  // Whether a majority of voters was heard from since the last check (the caller
  // counts itself as active).
  quorumActive(): boolean {
    const votes = new Map<NodeId, boolean>();
    for (const [id, pr] of this.progress) if (!pr.isLearner) votes.set(id, pr.recentActive);
    return voteResult(this.voters, votes) === VoteResult.Won;
  }

  voteResultOf(votes: ReadonlyMap<NodeId, boolean>): VoteResult {
    return voteResult(this.voters, votes);
  }

  resetVotes(): void {
    this.votes.clear();
  }

  recordVote(id: NodeId, granted: boolean): void {
    if (!this.votes.has(id)) this.votes.set(id, granted);
  }

  tallyVotes(): { granted: number; rejected: number; result: VoteResult } {
    let granted = 0;
    let rejected = 0;
    for (const id of this.voters) {
      const v = this.votes.get(id);
      if (v === true) granted++;
      else if (v === false) rejected++;
    }
    return { granted, rejected, result: voteResult(this.voters, this.votes) };
  }

  // Replaces the configuration with `cs` (restore from a snapshot or at start).
  // Progress of members that stay is kept.
  restore(cs: ConfState, nextIndex: number): void {
    const keep = new Set<NodeId>([...cs.voters, ...cs.learners]);
    for (const id of [...this.progress.keys()]) if (!keep.has(id)) this.progress.delete(id);
    for (const id of cs.voters) this.ensure(id, nextIndex, false);
    for (const id of cs.learners) {
      if (cs.voters.includes(id)) throw new Error(`node ${id} is both voter and learner`);
      this.ensure(id, nextIndex, true);
    }
    this.voters = [...new Set(cs.voters)].sort((a, b) => a - b);
    this.learners = [...new Set(cs.learners)].sort((a, b) => a - b);
  }

  private ensure(id: NodeId, nextIndex: number, isLearner: boolean): void {
    const pr = this.progress.get(id);
    if (pr) {
      pr.isLearner = isLearner;
      return;
    }
    const np = new Progress(Math.max(nextIndex, 1), this.maxInflight, this.maxInflightBytes, isLearner);
    // A new member counts as active: check-quorum must not depose the leader before
    // the member had a chance to answer.
    np.recentActive = true;
    this.progress.set(id, np);
  }

  // Applies one membership change. `lastIndex` seeds a new member's progress.
  applyConfChange(cc: ConfChange, lastIndex: number): void {
    const id = cc.nodeId;
    if (!Number.isSafeInteger(id) || id <= 0)
      throw new RangeError(`confChange.nodeId must be a positive integer, got ${id}`);
    const voters = new Set(this.voters);
    const learners = new Set(this.learners);
    switch (cc.type) {
      case ConfChangeType.AddVoter:
        learners.delete(id);
        voters.add(id);
        break;
      case ConfChangeType.AddLearner:
        voters.delete(id);
        learners.add(id);
        break;
      case ConfChangeType.RemoveVoter:
        voters.delete(id);
        learners.delete(id);
        break;
      default:
        throw new RangeError(`confChange.type is unknown: ${String(cc.type)}`);
    }
    if (voters.size === 0) throw new Error('removing the last voter is not allowed');
    this.restore({ voters: [...voters], learners: [...learners] }, lastIndex);
  }
}
