// The scheduler's driver on the leader: keeps the node set up to date from store
// events (no rescans), collects tasks that await scheduling, and writes each batch's
// decisions in one transaction. If the transaction loses a race, the tentative
// placements are thrown away by rebuilding the node set from the store, and the tasks
// go round again.
import type { Node, Task } from '../api-types';
import { isStalePlanError } from '../orchestrator/apply';
import { ReconcileLoop } from '../orchestrator/loop';
import { holdsNode } from '../orchestrator/task-state';
import { MAX_ACTIONS, ProposingStore, StoreEvent } from '../store';
import { NodeSet } from './node-info';
import { awaitsScheduling, scheduleBatch } from './scheduler';

export interface SchedulerOptions {
  clock?: () => number;
  /** Tasks decided per transaction (the store caps a transaction at 10,000 actions). */
  maxBatch?: number;
  onError?: (err: unknown) => void;
  /** Do not run passes on events; the caller calls runOnce (simulations). */
  manual?: boolean;
  /** Told what each batch placed and how long deciding and writing took (debug log). */
  trace?: (msg: string, fields: Record<string, unknown>) => void;
}

export interface SchedulerStats {
  passes: number;
  assigned: number;
  conflicts: number;
}

export class Scheduler {
  private nodes = new NodeSet();
  /** Tasks to try in the next pass. */
  private readonly pending = new Set<string>();
  /** Tasks that fit nowhere last time: retried when a node or a task frees room. */
  private readonly unplaced = new Set<string>();
  private readonly loop: ReconcileLoop;
  private unsubscribe?: () => void;
  readonly stats: SchedulerStats = { passes: 0, assigned: 0, conflicts: 0 };

  constructor(
    private readonly store: ProposingStore,
    private readonly opts: SchedulerOptions = {},
  ) {
    this.loop = new ReconcileLoop(
      () => this.runOnce().then((r) => r.more),
      opts.onError ?? (() => {}),
      opts.manual,
    );
  }

  start(): void {
    this.rebuild();
    this.unsubscribe = this.store.local.subscribe({ tables: ['nodes', 'tasks'] }, (events) =>
      this.onEvents(events),
    );
    this.loop.kick();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.loop.stop();
  }

  idle(): Promise<void> {
    return this.loop.idle();
  }

  /** Rebuilds everything from the local replica (start, and after a lost race). */
  rebuild(): void {
    const local = this.store.local;
    this.nodes = NodeSet.from(local.list('nodes'), local.list('tasks'));
    this.pending.clear();
    this.unplaced.clear();
    for (const t of local.list('tasks')) if (awaitsScheduling(t)) this.pending.add(t.id);
  }

  /** One batch: decide, write. Exposed for the simulation. */
  async runOnce(): Promise<{ more: boolean; assigned: number }> {
    const local = this.store.local;
    const max = Math.min(this.opts.maxBatch ?? 5_000, MAX_ACTIONS);
    const batch: Task[] = [];
    for (const id of this.pending) {
      if (batch.length >= max) break;
      this.pending.delete(id);
      const t = local.get('tasks', id);
      if (t && awaitsScheduling(t)) batch.push(t);
    }
    if (batch.length === 0) return { more: false, assigned: 0 };
    this.stats.passes++;
    const now = (this.opts.clock ?? Date.now)();
    const started = performance.now();
    const result = scheduleBatch(this.nodes, batch, { now });
    const decidedMs = performance.now() - started;
    for (const id of result.reasons.keys()) this.unplaced.add(id);
    const writes = [...result.assigned, ...result.explained];
    if (writes.length > 0) {
      try {
        await this.store.update((tx) => {
          for (const t of writes) tx.tasks.update(t);
        });
        this.stats.assigned += result.assigned.length;
        this.opts.trace?.('scheduler batch', {
          tasks: batch.length,
          assigned: result.assigned.length,
          decideMs: Math.round(decidedMs),
          writeMs: Math.round(performance.now() - started - decidedMs),
        });
      } catch (err) {
        if (!isStalePlanError(err)) throw err;
        this.stats.conflicts++;
        this.rebuild();
        return { more: true, assigned: 0 };
      }
    }
    return { more: this.pending.size > 0, assigned: result.assigned.length };
  }

  private onEvents(events: StoreEvent[]): void {
    let roomFreed = false;
    for (const e of events) {
      if (e.table === 'nodes') {
        if (e.kind === 'delete') this.nodes.removeNode(e.object.id);
        else this.nodes.setNode(e.object as Node);
        roomFreed = true;
        continue;
      }
      const t = e.object as Task;
      if (e.kind === 'delete') {
        this.nodes.removeTask(t.id);
        this.pending.delete(t.id);
        this.unplaced.delete(t.id);
        roomFreed ||= e.object && holdsNode(t);
        continue;
      }
      const old = e.old as Task | undefined;
      this.nodes.setTask(t);
      if (old && holdsNode(old) && !holdsNode(t)) roomFreed = true;
      if (awaitsScheduling(t)) {
        // Our own "why it is still pending" write comes back here; it is retried with
        // the others when room appears, not on its own echo.
        if (!this.unplaced.has(t.id)) this.pending.add(t.id);
      } else {
        this.pending.delete(t.id);
        this.unplaced.delete(t.id);
      }
    }
    if (roomFreed) {
      for (const id of this.unplaced) this.pending.add(id);
      this.unplaced.clear();
    }
    if (this.pending.size > 0) this.loop.kick();
  }
}
