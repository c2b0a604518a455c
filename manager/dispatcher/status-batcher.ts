// Task states reported by agents, written to the store in shared transactions (group
// commit). Each UpdateTaskStatus used to be its own raft entry; with 1,000 agents that
// is 1,000 entries (and as many decodes, applies and watch rounds) for what one entry
// can carry. Reports that arrive while a write is in flight wait for it and go together
// in the next one, so a lone report pays no extra delay and a busy leader writes few,
// large transactions. A caller's promise settles when the transaction holding its
// report is applied, as before.
import type { TaskStatus } from '../api-types';
import { MAX_ACTIONS, type ProposingStore } from '../store';

export interface StatusReport {
  taskId: string;
  /** Reports without a status are ignored. */
  status: TaskStatus | null;
}

interface Submission {
  nodeId: string;
  updates: StatusReport[];
  resolve(): void;
  reject(err: unknown): void;
}

export interface StatusBatcherOptions {
  /** Largest number of reports in one transaction (the store caps actions per transaction). */
  maxBatch?: number;
  /** Rebuilds of a transaction that lost a race with another write (version conflict). */
  retries?: number;
}

export class TaskStatusBatcher {
  private queue: Submission[] = [];
  private writing = false;
  private scheduled = false;

  constructor(
    private readonly store: ProposingStore,
    private readonly opts: StatusBatcherOptions = {},
  ) {}

  /** Writes the reports of one node's call; resolves once they are applied. */
  submit(nodeId: string, updates: StatusReport[]): Promise<void> {
    if (updates.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.queue.push({ nodeId, updates, resolve, reject });
      this.kick();
    });
  }

  private kick(): void {
    if (this.writing || this.scheduled || this.queue.length === 0) return;
    // Let the calls that arrived in the same turn of the event loop join this batch.
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.writeNext();
    });
  }

  private async writeNext(): Promise<void> {
    if (this.writing) return;
    const batch = this.take();
    if (batch.length === 0) return;
    this.writing = true;
    try {
      try {
        await this.write(batch);
        for (const s of batch) s.resolve();
      } catch (err) {
        if (batch.length === 1) {
          batch[0].reject(err);
        } else {
          // One node's bad report must not fail the others: write each node's call alone.
          await Promise.all(
            batch.map((s) =>
              this.write([s]).then(
                () => s.resolve(),
                (e: unknown) => s.reject(e),
              ),
            ),
          );
        }
      }
    } finally {
      this.writing = false;
      this.kick();
    }
  }

  /** Whole submissions, up to maxBatch reports (at least one submission). */
  private take(): Submission[] {
    const max = Math.min(this.opts.maxBatch ?? 5_000, MAX_ACTIONS);
    let n = 0;
    let count = 0;
    while (n < this.queue.length && (n === 0 || count + this.queue[n].updates.length <= max)) {
      count += this.queue[n].updates.length;
      n++;
    }
    return this.queue.splice(0, n);
  }

  private write(batch: Submission[]): Promise<void> {
    return this.store.update(
      (tx) => {
        for (const { nodeId, updates } of batch) {
          for (const u of updates) {
            const task = tx.tasks.peek(u.taskId);
            // A task moved away or deleted meanwhile: the agent learns from its assignments.
            if (!task || task.nodeId !== nodeId || !u.status) continue;
            tx.tasks.update({ ...task, status: u.status });
          }
        }
      },
      { retries: this.opts.retries ?? 5 },
    );
  }
}
