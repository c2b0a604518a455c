// Runs on the leader only: promotes learners that have caught up to voters, and carries
// out demotions (removes the member from raft once quorum allows; the node then receives
// a worker certificate at its next renewal).
import type { ManagerContext } from '../context';
import { quorumAfterRemoval } from './quorum';

export const RECONCILE_INTERVAL_MS = 250;

export class MembershipReconciler {
  private timer: NodeJS.Timeout | undefined;
  private busy = false;

  constructor(private readonly ctx: ManagerContext) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), RECONCILE_INTERVAL_MS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    if (this.busy || !this.ctx.isLeader) return;
    this.busy = true;
    try {
      await this.promoteCaughtUpLearners();
      await this.applyDemotions();
    } catch (err) {
      this.ctx.logger.debug('membership reconcile round failed; retrying', { error: err as Error });
    } finally {
      this.busy = false;
    }
  }

  private async promoteCaughtUpLearners(): Promise<void> {
    const status = this.ctx.raft.status();
    for (const learner of this.ctx.raft.members.learners) {
      const pr = status.progress.find((p) => p.id === learner);
      if (!pr || pr.match < status.commit) continue;
      this.ctx.logger.info('promoting a caught-up learner to voter', { raftId: learner, match: pr.match });
      await this.ctx.raft.promote(learner);
    }
  }

  private async applyDemotions(): Promise<void> {
    const { voters, learners } = this.ctx.raft.members;
    for (const node of this.ctx.local.byIndex('nodes', 'role', 'manager')) {
      const raftId = node.managerStatus?.raftId;
      if (node.spec?.desiredRole !== 'worker' || !raftId) continue;
      if (!voters.includes(raftId) && !learners.includes(raftId)) continue;
      if (raftId === this.ctx.raft.id) {
        // The leader is being demoted: hand over first; the next leader finishes the job.
        const to = voters.find((v) => v !== raftId && this.ctx.managerByRaftId(v)?.status?.state === 'READY');
        if (to) await this.ctx.raft.transferLeadership(to);
        return;
      }
      if (voters.includes(raftId) && !quorumAfterRemoval(this.ctx, raftId).ok) continue;
      this.ctx.logger.info('demotion: removing the manager from raft', { node: node.id, raftId });
      await this.ctx.raft.removeMember(raftId);
      await this.ctx.store.update(
        (tx) => {
          const n = tx.nodes.get(node.id);
          if (!n) return;
          n.managerStatus = null;
          tx.nodes.update(n);
        },
        { retries: 5 },
      );
    }
  }
}
