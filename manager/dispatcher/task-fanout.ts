// Routes task changes to the node they concern. Every agent's Assignments stream needs
// the changes of its own node; one store subscription per stream made each transaction
// visit every stream (1,000 nodes x 20,000 task writes was the dispatcher's largest cost
// in bench/scale). One subscription here groups a transaction's changes by node and
// calls only the listeners of those nodes, once per transaction.
import type { Task } from '../api-types';
import type { MemoryStore, StoreEvent } from '../store';
import { rank, STATE_RANK, stateOf } from '../orchestrator/task-state';

export interface TaskChange {
  task: Task;
  /** The task left this node (deleted, or moved to another node). */
  remove: boolean;
}

export type NodeTaskListener = (changes: TaskChange[]) => void;

export class TaskFanout {
  private readonly listeners = new Map<string, Set<NodeTaskListener>>();
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly local: MemoryStore) {}

  /**
   * Calls `fn` after each applied transaction that changes a task of `nodeId`, in order.
   * Registering in the same tick as a read of the node's tasks gives a consistent "view
   * then changes", as MemoryStore.subscribe does. Returns the unsubscribe function.
   */
  listen(nodeId: string, fn: NodeTaskListener): () => void {
    this.unsubscribe ??= this.local.subscribe({ tables: ['tasks'] }, (events) => this.route(events));
    let set = this.listeners.get(nodeId);
    if (!set) this.listeners.set(nodeId, (set = new Set()));
    set.add(fn);
    return () => {
      set.delete(fn);
      if (set.size === 0 && this.listeners.get(nodeId) === set) this.listeners.delete(nodeId);
      if (this.listeners.size === 0) this.close();
    };
  }

  /** Drops the store subscription (listeners registered later resubscribe). */
  close(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private route(events: StoreEvent[]): void {
    const byNode = new Map<string, TaskChange[]>();
    const add = (nodeId: string, change: TaskChange) => {
      if (!this.listeners.has(nodeId)) return;
      const list = byNode.get(nodeId);
      if (list) list.push(change);
      else byNode.set(nodeId, [change]);
    };
    for (const e of events) {
      const task = e.object as Task;
      if (e.kind === 'update' && onlyStatusMoved(e.old as Task, task)) continue;
      const oldNode = (e.old as Task | undefined)?.nodeId;
      if (task.nodeId) add(task.nodeId, { task, remove: e.kind === 'delete' });
      // Moved away: the node it left sees it removed.
      if (oldNode && oldNode !== task.nodeId) add(oldNode, { task, remove: true });
    }
    // One stream's failure must not keep the others from their changes.
    let failure: { err: unknown } | undefined;
    for (const [nodeId, changes] of byNode) {
      for (const fn of [...(this.listeners.get(nodeId) ?? [])]) {
        try {
          fn(changes);
        } catch (err) {
          failure ??= { err };
        }
      }
    }
    if (failure) throw failure.err;
  }
}

/**
 * A change the agent has no use for, as swarmkit's dispatcher decides: only the status
 * (and meta) changed and the task is past ASSIGNED, i.e. the agent's own report coming
 * back. States up to ASSIGNED are set by the managers and always go out. Compared by
 * identity: a status write keeps the other fields as the very same objects (a patch),
 * and anything else is sent, which is always safe.
 */
function onlyStatusMoved(old: Task, task: Task): boolean {
  if (rank(stateOf(task)) <= STATE_RANK.ASSIGNED) return false;
  const a = old as unknown as Record<string, unknown>;
  const b = task as unknown as Record<string, unknown>;
  for (const key in b) if (key !== 'status' && key !== 'meta' && a[key] !== b[key]) return false;
  return true;
}
