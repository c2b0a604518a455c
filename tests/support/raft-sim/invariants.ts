// The safety properties of Raft (Ongaro's thesis, figure 3.2), checked incrementally as
// the simulation runs. Each record is global across nodes and across restarts.
import { Entry, NodeId } from '../../../raft/types';

export class InvariantViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvariantViolation';
  }
}

function fingerprint(e: Entry): string {
  return `${e.type}:${Buffer.from(e.data).toString('base64')}`;
}

export class Invariants {
  private readonly leaders = new Map<number, NodeId>();
  // (index, term) -> the entry's content and the term of the entry before it.
  private readonly entriesSeen = new Map<string, { fp: string; prevTerm: number }>();
  // index -> term of the committed entry (1-based; 0 unused).
  private readonly committed: number[] = [];
  private readonly applied: string[] = [];
  checks = 0;

  // Election safety: at most one leader per term, ever.
  observeLeader(term: number, id: NodeId): boolean {
    this.checks++;
    const known = this.leaders.get(term);
    if (known === undefined) {
      this.leaders.set(term, id);
      return true;
    }
    if (known !== id)
      throw new InvariantViolation(`election safety: term ${term} has two leaders, ${known} and ${id}`);
    return false;
  }

  leaderOf(term: number): NodeId | undefined {
    return this.leaders.get(term);
  }

  // Log matching: entries with the same index and term hold the same content and sit
  // on the same predecessor (by induction, the same whole prefix).
  observeLogEntry(node: NodeId, e: Entry, prevTerm: number): void {
    this.checks++;
    const key = `${e.index}/${e.term}`;
    const fp = fingerprint(e);
    const seen = this.entriesSeen.get(key);
    if (!seen) {
      this.entriesSeen.set(key, { fp, prevTerm });
      return;
    }
    if (seen.fp !== fp) {
      throw new InvariantViolation(
        `log matching: node ${node} has a different entry at index ${e.index} term ${e.term}`,
      );
    }
    if (seen.prevTerm !== prevTerm) {
      throw new InvariantViolation(
        `log matching: node ${node} has entry ${e.index}/${e.term} after term ${prevTerm}, elsewhere after term ${seen.prevTerm}`,
      );
    }
  }

  // Called with the terms of a node's log up to its durable commit index.
  observeCommitted(node: NodeId, index: number, term: number): void {
    this.checks++;
    const known = this.committed[index];
    if (known === undefined) this.committed[index] = term;
    else if (known !== term) {
      throw new InvariantViolation(
        `committed entries disagree: node ${node} committed index ${index} at term ${term}, another at term ${known}`,
      );
    }
  }

  // Leader completeness: a new leader's log holds every entry known to be committed.
  // termAt returns undefined for indexes the leader has compacted (committed by then).
  checkLeaderCompleteness(node: NodeId, term: number, termAt: (index: number) => number | undefined): void {
    for (let i = 1; i < this.committed.length; i++) {
      const want = this.committed[i];
      if (want === undefined) continue;
      this.checks++;
      const have = termAt(i);
      if (have !== undefined && have !== want) {
        throw new InvariantViolation(
          `leader completeness: leader ${node} of term ${term} has term ${have} at committed index ${i} (committed term ${want})`,
        );
      }
    }
  }

  // State machine safety: no two nodes apply different entries at one index.
  observeApplied(node: NodeId, e: Entry): void {
    this.checks++;
    const fp = `${e.term}|${fingerprint(e)}`;
    const known = this.applied[e.index];
    if (known === undefined) this.applied[e.index] = fp;
    else if (known !== fp) {
      throw new InvariantViolation(
        `state machine safety: node ${node} applied a different entry at index ${e.index}`,
      );
    }
    const committedTerm = this.committed[e.index];
    if (committedTerm !== undefined && committedTerm !== e.term) {
      throw new InvariantViolation(
        `node ${node} applied index ${e.index} at term ${e.term}, committed at ${committedTerm}`,
      );
    }
  }

  get committedCount(): number {
    return this.committed.length - 1;
  }

  get termsWithLeader(): number {
    return this.leaders.size;
  }
}
