// The controllers only the raft leader runs: the orchestrators (tasks = spec) and the
// scheduler (tasks -> nodes). They hold no state the store lacks, so each leadership
// term starts fresh ones and a lost leadership simply stops them.
import type { ManagerContext } from './context';
import { Orchestrator } from './orchestrator';
import { Scheduler } from './scheduler';

export class LeaderControllers {
  private orchestrator: Orchestrator | undefined;
  private scheduler: Scheduler | undefined;
  private readonly onRole = () => this.leadershipChanged();

  constructor(private readonly ctx: ManagerContext) {}

  start(): void {
    this.ctx.raft.on('role', this.onRole);
    this.leadershipChanged();
  }

  stop(): void {
    this.ctx.raft.off('role', this.onRole);
    this.stopControllers();
  }

  get running(): boolean {
    return this.orchestrator !== undefined;
  }

  private leadershipChanged(): void {
    if (this.ctx.isLeader === this.running) return;
    if (!this.ctx.isLeader) {
      this.stopControllers();
      return;
    }
    const onError = (which: string) => (err: unknown) =>
      this.ctx.logger.warn(`${which} pass failed; it runs again on the next change`, { error: err as Error });
    // No allocator runs yet, so new tasks go straight to PENDING for the scheduler.
    const trace = (msg: string, fields: Record<string, unknown>) => this.ctx.logger.debug(msg, fields);
    this.orchestrator = new Orchestrator(this.ctx.store, {
      initialState: 'PENDING',
      onError: onError('orchestrator'),
      trace,
    });
    this.scheduler = new Scheduler(this.ctx.store, { onError: onError('scheduler'), trace });
    this.orchestrator.start();
    this.scheduler.start();
    this.ctx.logger.info('leading: orchestrator and scheduler started');
  }

  private stopControllers(): void {
    this.orchestrator?.stop();
    this.scheduler?.stop();
    if (this.orchestrator) this.ctx.logger.info('not leading: orchestrator and scheduler stopped');
    this.orchestrator = undefined;
    this.scheduler = undefined;
  }
}
