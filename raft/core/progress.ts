// The leader's view of one follower (etcd's tracker/progress.go).
import { Inflights } from './inflights';

export enum ProgressState {
  // Unknown match: send one append at a time and wait for its answer.
  Probe = 'Probe',
  // Known match: stream appends optimistically, bounded by the inflights window.
  Replicate = 'Replicate',
  // The follower needs a snapshot; nothing else is sent until it reports back.
  Snapshot = 'Snapshot',
}

export class Progress {
  match = 0;
  next: number;
  state = ProgressState.Probe;
  // Index of the snapshot being sent, while in Snapshot state.
  pendingSnapshot = 0;
  // Heard from since the last check-quorum round.
  recentActive = false;
  // The highest commit index sent to this follower in an append, so a commit
  // broadcast can skip followers that were already told.
  sentCommit = 0;
  // In Probe: an append went out and is unanswered. In Replicate: the window is full.
  msgAppFlowPaused = false;
  readonly inflights: Inflights;

  constructor(
    next: number,
    maxInflight: number,
    maxInflightBytes: number,
    public isLearner = false,
  ) {
    this.next = next;
    this.inflights = new Inflights(maxInflight, maxInflightBytes);
  }

  private resetState(state: ProgressState): void {
    this.msgAppFlowPaused = false;
    this.sentCommit = 0;
    this.pendingSnapshot = 0;
    this.state = state;
    this.inflights.reset();
  }

  becomeProbe(): void {
    // After a snapshot the follower has at least the snapshot's index.
    if (this.state === ProgressState.Snapshot) {
      const pending = this.pendingSnapshot;
      this.resetState(ProgressState.Probe);
      this.next = Math.max(this.match + 1, pending + 1);
    } else {
      this.resetState(ProgressState.Probe);
      this.next = this.match + 1;
    }
  }

  becomeReplicate(): void {
    this.resetState(ProgressState.Replicate);
    this.next = this.match + 1;
  }

  becomeSnapshot(snapshotIndex: number): void {
    this.resetState(ProgressState.Snapshot);
    this.pendingSnapshot = snapshotIndex;
  }

  // Bookkeeping after an append carrying `entries` entries ending at `lastIndex`.
  sentEntries(entries: number, lastIndex: number, bytes: number): void {
    if (this.state === ProgressState.Replicate) {
      if (entries > 0) {
        this.next = lastIndex + 1;
        this.inflights.add(lastIndex, bytes);
      }
      this.msgAppFlowPaused = this.inflights.full();
    } else if (this.state === ProgressState.Probe) {
      // Any append in Probe is a probe: wait for its answer (or a heartbeat response).
      this.msgAppFlowPaused = true;
    }
  }

  // An acknowledgement of `n`; returns whether it taught us something new.
  maybeUpdate(n: number): boolean {
    let updated = false;
    if (this.match < n) {
      this.match = n;
      updated = true;
      this.msgAppFlowPaused = false;
    }
    if (this.next < n + 1) this.next = n + 1;
    return updated;
  }

  // A rejection of the append that followed `rejected`; `matchHint` is the follower's
  // guess of the longest matching prefix. Returns false for stale rejections.
  maybeDecrTo(rejected: number, matchHint: number): boolean {
    if (this.state === ProgressState.Replicate) {
      if (rejected <= this.match) return false;
      this.next = this.match + 1;
      return true;
    }
    // In Probe only the answer to the latest probe counts.
    if (this.next - 1 !== rejected) return false;
    this.next = Math.max(Math.min(rejected, matchHint + 1), this.match + 1);
    this.msgAppFlowPaused = false;
    return true;
  }

  isPaused(): boolean {
    switch (this.state) {
      case ProgressState.Probe:
      case ProgressState.Replicate:
        return this.msgAppFlowPaused;
      case ProgressState.Snapshot:
        return true;
    }
  }
}
