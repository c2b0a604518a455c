// A plan is what one reconcile pass wants written for one service: tasks to create,
// tasks to update (each carrying the version it was read at) and tasks to delete. The
// driver writes it in one transaction, so a plan computed from a stale snapshot fails
// on a version check and is recomputed, never half-applied.
//
// Creates have no version to check, so each create is tied to something that does:
// the newest task of its slot (updated in the same transaction, if only to bump its
// version) or, for a slot with no tasks at all, the service itself. Two plans racing
// to fill one slot therefore always touch a common object, and the later one fails.
import type { Node, Service, Task, TaskState } from '../api-types';
import { hasExited, isLive, isWanted, nodeIsDown, rank, stateOf, STATE_RANK } from './task-state';

export interface Plan {
  serviceId: string;
  creates: Task[];
  /** Full task objects; meta.version is the version read (the store checks it). */
  updates: Task[];
  deletes: Array<{ id: string; version: number }>;
  /**
   * Written back (unchanged, or with the updater's status change): the transaction
   * fails if the service changed meanwhile.
   */
  guard?: Service;
  /** A service marked pending_delete whose tasks are all gone. */
  deleteService?: { id: string; version: number };
  /** Earliest time a delayed restart is due; the driver re-plans then. */
  wakeAt?: number;
}

export interface PlanContext {
  /** Milliseconds since the epoch. */
  now: number;
  newId: () => string;
  /** Tasks kept per slot (or per node), the live one included. */
  historyLimit: number;
  initialState: 'NEW' | 'PENDING';
  /** A task told to stop on a node that has been down this long is given up for dead. */
  orphanAfterMs: number;
}

export const DEFAULT_HISTORY_LIMIT = 5;
export const DEFAULT_ORPHAN_AFTER_MS = 24 * 60 * 60 * 1000;

export interface NodeLookup {
  get(id: string): Node | undefined;
  list(): Iterable<Node>;
}

export function isEmptyPlan(p: Plan): boolean {
  return (
    p.creates.length === 0 && p.updates.length === 0 && p.deletes.length === 0 && !p.guard && !p.deleteService
  );
}

/** The tasks of one slot (replicated) or one node (global), newest first. */
export interface TaskGroup {
  tasks: Task[];
  live: Task[];
  /** The newest task: the slot's current incarnation, dead or alive. */
  head?: Task;
}

const newestFirst = (a: Task, b: Task): number =>
  (b.meta?.createdAt ?? 0) - (a.meta?.createdAt ?? 0) ||
  (b.meta?.version ?? 0) - (a.meta?.version ?? 0) ||
  (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export function groupTasks<K>(tasks: Iterable<Task>, keyOf: (t: Task) => K): Map<K, TaskGroup> {
  const groups = new Map<K, TaskGroup>();
  for (const t of tasks) {
    const k = keyOf(t);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { tasks: [], live: [] }));
    g.tasks.push(t);
    if (isLive(t)) g.live.push(t);
  }
  for (const g of groups.values()) {
    g.tasks.sort(newestFirst);
    g.head = g.tasks[0];
  }
  return groups;
}

/** Not running anywhere and never will: safe to delete once out of history. */
export function isDead(t: Task, nodes: NodeLookup, ctx: PlanContext): boolean {
  if (hasExited(t)) return true;
  if (isWanted(t)) return false;
  if (rank(stateOf(t)) < STATE_RANK.ASSIGNED || !t.nodeId) return true; // never placed
  const node = nodes.get(t.nodeId);
  if (!node) return true;
  return nodeIsDown(node) && ctx.now - (t.meta?.updatedAt ?? 0) >= ctx.orphanAfterMs;
}

export class PlanBuilder {
  private readonly creates: Task[] = [];
  private readonly updates = new Map<string, Task>();
  private readonly deletes = new Map<string, number>();
  private guard?: Service;
  private wakeAt?: number;
  private deleteService?: { id: string; version: number };

  constructor(
    readonly service: Service | undefined,
    readonly serviceId: string,
  ) {}

  touches(taskId: string): boolean {
    return this.updates.has(taskId) || this.deletes.has(taskId);
  }

  /** The task as this plan leaves it. */
  current(t: Task): Task {
    return this.updates.get(t.id) ?? t;
  }

  setDesired(t: Task, state: TaskState): void {
    const cur = this.current(t);
    if (cur.desiredState === state) return;
    this.updates.set(t.id, { ...cur, desiredState: state });
  }

  /** Includes the task unchanged, so the transaction checks its version. */
  touch(t: Task): void {
    if (!this.updates.has(t.id)) this.updates.set(t.id, { ...t });
  }

  create(task: Task, group: TaskGroup | undefined): void {
    if (group?.head) this.touch(group.head);
    else if (this.service && !this.guard) this.guard = this.service;
    this.creates.push(task);
  }

  /**
   * Writes the service with a change (the update status, a rollback) in the plan's
   * transaction; it also guards the plan, as the service's version is checked.
   */
  updateService(s: Service): void {
    this.guard = s;
  }

  delete(t: Task): void {
    if (this.updates.has(t.id)) return;
    this.deletes.set(t.id, t.meta?.version ?? 0);
  }

  deleteTheService(s: Service): void {
    this.deleteService = { id: s.id, version: s.meta?.version ?? 0 };
  }

  wake(at: number): void {
    if (this.wakeAt === undefined || at < this.wakeAt) this.wakeAt = at;
  }

  build(): Plan {
    const plan: Plan = {
      serviceId: this.serviceId,
      creates: this.creates,
      updates: [...this.updates.values()],
      deletes: [...this.deletes].map(([id, version]) => ({ id, version })),
    };
    if (this.guard) plan.guard = this.guard;
    if (this.deleteService) plan.deleteService = this.deleteService;
    if (this.wakeAt !== undefined) plan.wakeAt = this.wakeAt;
    return plan;
  }
}

/**
 * Task history: keeps at most `limit` tasks per slot (the live one counts), deleting
 * the oldest dead ones first. The newest task is never deleted while the slot exists,
 * because it is the slot's memory (a task that must not restart, a completed job).
 */
export function reapHistory(
  b: PlanBuilder,
  group: TaskGroup,
  limit: number,
  nodes: NodeLookup,
  ctx: PlanContext,
): void {
  if (group.tasks.length <= limit) return;
  let excess = group.tasks.length - Math.max(1, limit);
  // Oldest first; the head (index 0) is never a candidate.
  for (let i = group.tasks.length - 1; i >= 1 && excess > 0; i--) {
    const t = group.tasks[i];
    if (b.touches(t.id) || !isDead(t, nodes, ctx)) continue;
    b.delete(t);
    excess--;
  }
}

/** A slot or node the service no longer wants: stop what runs, delete what is dead. */
export function retireGroup(
  b: PlanBuilder,
  group: TaskGroup,
  nodes: NodeLookup,
  ctx: PlanContext,
  desired: TaskState = 'REMOVE',
): void {
  for (const t of group.tasks) {
    if (isDead(t, nodes, ctx)) {
      if (!b.touches(t.id)) b.delete(t);
    } else if (rank(t.desiredState) < STATE_RANK[desired]) {
      b.setDesired(t, desired);
    }
  }
}

/**
 * Among several live tasks in one slot (a stale plan, or an update starting the new
 * task first) keeps one: the furthest along, then the one on the least loaded node,
 * then the oldest. The others are asked to shut down. Returns the keeper.
 */
export function keepOne(b: PlanBuilder, live: Task[], load: (nodeId: string) => number): Task {
  const sorted = [...live].sort(
    (a, c) =>
      rank(stateOf(c)) - rank(stateOf(a)) ||
      load(a.nodeId) - load(c.nodeId) ||
      (a.meta?.createdAt ?? 0) - (c.meta?.createdAt ?? 0) ||
      (a.id < c.id ? -1 : 1),
  );
  for (const extra of sorted.slice(1)) b.setDesired(extra, 'SHUTDOWN');
  return sorted[0];
}
