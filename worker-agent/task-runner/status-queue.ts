// Task states waiting to be sent to the leader. Only the latest state of a task matters
// (states only move forward), so a task that changed twice between sends is sent once.
import type { TaskStatus } from '../../proto/api-types';

export class StatusQueue {
  private readonly pending = new Map<string, TaskStatus>();

  get size(): number {
    return this.pending.size;
  }

  put(taskId: string, status: TaskStatus): void {
    this.pending.set(taskId, status);
  }

  /** Whether any waiting state satisfies `pred`. */
  some(pred: (status: TaskStatus) => boolean): boolean {
    for (const status of this.pending.values()) if (pred(status)) return true;
    return false;
  }

  take(): [string, TaskStatus][] {
    const batch = [...this.pending];
    this.pending.clear();
    return batch;
  }

  /** Puts back a batch that could not be sent, unless a newer state arrived meanwhile. */
  restore(batch: [string, TaskStatus][]): void {
    for (const [id, status] of batch) if (!this.pending.has(id)) this.pending.set(id, status);
  }
}
