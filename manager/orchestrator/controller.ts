// The thin driver the leader runs: watches the store, marks services whose tasks,
// nodes or spec changed, and for each one writes planService's plan in one
// transaction. A plan that lost a race (version conflict) is simply recomputed from the
// fresh state. Holds no state the store does not have, so a new leader starts a fresh
// Orchestrator and converges from the store alone.
import type { Node, Service, Task } from '../api-types';
import { MAX_ACTIONS, MemoryStore, newId as randomId, ProposingStore, StoreEvent } from '../store';
import { isStalePlanError, planSize, truncatePlan, writePlan } from './apply';
import { ReconcileLoop, realTimers, Timers } from './loop';
import {
  DEFAULT_HISTORY_LIMIT,
  DEFAULT_ORPHAN_AFTER_MS,
  isEmptyPlan,
  NodeLookup,
  Plan,
  PlanContext,
} from './plan';
import { planService } from './service-plan';
import { hasExited } from './task-state';

export interface OrchestratorOptions {
  clock?: () => number;
  newId?: () => string;
  /** NEW when an allocator runs (it moves tasks to PENDING), else PENDING. Default NEW. */
  initialState?: 'NEW' | 'PENDING';
  orphanAfterMs?: number;
  /** Largest transaction written; bigger plans are split over passes. */
  maxActions?: number;
  timers?: Timers;
  onError?: (err: unknown) => void;
  /** Do not run passes on events; the caller calls runOnce (simulations). */
  manual?: boolean;
  /** Told what each pass wrote and how long it took (the daemon's debug log). */
  trace?: (msg: string, fields: Record<string, unknown>) => void;
}

export interface PassStats {
  services: number;
  written: number;
  conflicts: number;
  actions: number;
}

export function storeNodes(local: MemoryStore): NodeLookup {
  return { get: (id) => local.get('nodes', id), list: () => local.list('nodes') };
}

/**
 * The cluster's task history limit, as `docker swarm update --task-history-limit`:
 * Docker's default (5) while the cluster has no orchestration settings, none kept beyond
 * the newest task at 0, no reaping when negative.
 */
export function historyLimitOf(local: MemoryStore): number {
  const orchestration = local.list('clusters')[0]?.spec?.orchestration;
  if (!orchestration) return DEFAULT_HISTORY_LIMIT;
  const limit = Number(orchestration.taskHistoryRetentionLimit ?? 0);
  return limit < 0 ? Number.MAX_SAFE_INTEGER : limit;
}

export class Orchestrator {
  private readonly dirty = new Set<string>();
  private readonly wakeups = new Map<string, number>();
  private readonly loop: ReconcileLoop;
  private unsubscribe?: () => void;
  private timer?: unknown;
  private timerAt = Infinity;
  readonly stats: PassStats = { services: 0, written: 0, conflicts: 0, actions: 0 };

  constructor(
    private readonly store: ProposingStore,
    private readonly opts: OrchestratorOptions = {},
  ) {
    this.loop = new ReconcileLoop(
      () => this.runOnce().then((r) => r.more),
      opts.onError ?? (() => {}),
      opts.manual,
    );
  }

  private get local(): MemoryStore {
    return this.store.local;
  }

  private get now(): number {
    return (this.opts.clock ?? Date.now)();
  }

  /** Subscribes, then reconciles every service (and every task whose service is gone). */
  start(): void {
    this.unsubscribe = this.local.subscribe(
      { tables: ['services', 'tasks', 'nodes', 'clusters'] },
      (events) => this.onEvents(events),
    );
    this.markAll();
    this.loop.kick();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.loop.stop();
    if (this.timer !== undefined) (this.opts.timers ?? realTimers).clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Resolves when no pass is running or queued (tests, shutdown). */
  idle(): Promise<void> {
    return this.loop.idle();
  }

  markAll(): void {
    for (const s of this.local.list('services')) this.dirty.add(s.id);
    for (const t of this.local.list('tasks'))
      if (!this.local.get('services', t.serviceId)) this.dirty.add(t.serviceId);
  }

  /** Plans and writes every marked service once. Exposed for the simulation. */
  async runOnce(): Promise<{ more: boolean; written: number }> {
    const now = this.now;
    for (const [id, at] of this.wakeups) {
      if (at <= now) {
        this.wakeups.delete(id);
        this.dirty.add(id);
      }
    }
    const ids = [...this.dirty];
    this.dirty.clear();
    let written = 0;
    const started = performance.now();
    const actionsBefore = this.stats.actions;
    for (const id of ids) {
      const plan = this.plan(id);
      this.stats.services++;
      if (plan.wakeAt !== undefined) this.wakeups.set(id, plan.wakeAt);
      else this.wakeups.delete(id);
      if (isEmptyPlan(plan)) continue;
      const { plan: bounded, truncated } = truncatePlan(plan, this.opts.maxActions ?? MAX_ACTIONS);
      if (truncated) this.dirty.add(id);
      if (await this.write(bounded)) written++;
      else this.dirty.add(id);
    }
    this.armTimer();
    if (written > 0)
      this.opts.trace?.('orchestrator pass', {
        services: ids.length,
        written,
        actions: this.stats.actions - actionsBefore,
        ms: Math.round(performance.now() - started),
      });
    return { more: this.dirty.size > 0, written };
  }

  /** The plan for one service from the local replica as it is now. */
  plan(serviceId: string): Plan {
    const ctx: PlanContext = {
      now: this.now,
      newId: this.opts.newId ?? (() => randomId()),
      historyLimit: historyLimitOf(this.local),
      initialState: this.opts.initialState ?? 'NEW',
      orphanAfterMs: this.opts.orphanAfterMs ?? DEFAULT_ORPHAN_AFTER_MS,
    };
    return planService(
      serviceId,
      this.local.get('services', serviceId),
      this.local.tasksByService(serviceId),
      storeNodes(this.local),
      ctx,
    );
  }

  /** Writes a plan; false when it was stale (the caller re-plans). */
  async write(plan: Plan): Promise<boolean> {
    try {
      await this.store.update((tx) => writePlan(tx, plan));
      this.stats.written++;
      this.stats.actions += planSize(plan);
      return true;
    } catch (err) {
      if (!isStalePlanError(err)) throw err;
      this.stats.conflicts++;
      return false;
    }
  }

  private onEvents(events: StoreEvent[]): void {
    let marked = false;
    for (const e of events) {
      if (e.table === 'services') {
        this.dirty.add(e.object.id);
        marked = true;
      } else if (e.table === 'tasks') {
        const t = e.object as Task;
        if (
          e.kind !== 'update' ||
          taskChangeMatters(e.old as Task, t) ||
          this.updaterWaitsOn(e.old as Task, t)
        ) {
          this.dirty.add(t.serviceId);
          marked = true;
        }
      } else if (e.table === 'nodes') {
        if (e.kind === 'update' && !nodeChangeMatters(e.old as Node, e.object as Node)) continue;
        this.markForNode(e.object as Node);
        marked = true;
      } else if (e.table === 'clusters') {
        for (const s of this.local.list('services')) this.dirty.add(s.id);
        marked = true;
      }
    }
    if (marked) this.loop.kick();
  }

  /** A rolling update moves on when a new task starts running (the next batch, the monitor). */
  private updaterWaitsOn(old: Task, t: Task): boolean {
    if ((old.status?.state === 'RUNNING') === (t.status?.state === 'RUNNING')) return false;
    const state = this.local.get('services', t.serviceId)?.updateStatus?.state;
    return state === 'UPDATING' || state === 'ROLLBACK_STARTED';
  }

  private markForNode(node: Node): void {
    for (const t of this.local.tasksByNode(node.id)) this.dirty.add(t.serviceId);
    for (const s of this.local.list('services')) if (isPerNode(s)) this.dirty.add(s.id);
  }

  private armTimer(): void {
    const timers = this.opts.timers ?? realTimers;
    let next = Infinity;
    for (const at of this.wakeups.values()) next = Math.min(next, at);
    if (next === this.timerAt) return;
    if (this.timer !== undefined) timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = next;
    if (next === Infinity || !this.unsubscribe) return;
    this.timer = timers.setTimeout(
      () => {
        this.timer = undefined;
        this.timerAt = Infinity;
        this.loop.kick();
      },
      Math.max(0, next - this.now),
    );
  }
}

function isPerNode(s: Service): boolean {
  return s.spec?.mode === 'global' || s.spec?.mode === 'globalJob';
}

/** Progress through the start-up states is the agent's business, not ours. */
function taskChangeMatters(old: Task, t: Task): boolean {
  return (
    old.desiredState !== t.desiredState ||
    old.nodeId !== t.nodeId ||
    hasExited(old) !== hasExited(t) ||
    (old.status?.state === 'NEW') !== (t.status?.state === 'NEW')
  );
}

function nodeChangeMatters(old: Node, n: Node): boolean {
  return (
    old.status?.state !== n.status?.state ||
    old.spec?.availability !== n.spec?.availability ||
    old.role !== n.role ||
    JSON.stringify(old.spec?.annotations?.labels) !== JSON.stringify(n.spec?.annotations?.labels) ||
    JSON.stringify(old.description?.engine?.labels) !== JSON.stringify(n.description?.engine?.labels) ||
    JSON.stringify(old.description?.platform) !== JSON.stringify(n.description?.platform) ||
    old.description?.hostname !== n.description?.hostname
  );
}
