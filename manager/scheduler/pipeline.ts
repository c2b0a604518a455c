// Runs the filters for one task (or one group of tasks with the same spec) and counts,
// per filter, how many nodes it turned away, so a task that fits nowhere can say why:
// "no suitable node (scheduling constraints not satisfied on 3 nodes; insufficient
// resources on 1 node)". A node is counted once, by the first filter it fails.
import { DEFAULT_FILTERS, Filter, TaskAsk } from './filters';
import type { NodeInfo } from './node-info';

export class Pipeline {
  private active: Filter[] = [];
  private activeDynamic: Filter[] = [];
  private readonly failures = new Map<Filter, number>();
  private readonly filtersInOrder: readonly Filter[];
  private ask?: TaskAsk;

  constructor(filters: readonly Filter[] = DEFAULT_FILTERS) {
    this.filtersInOrder = filters;
  }

  /** Starts a new task (group): resets the failure counts. */
  setTask(ask: TaskAsk): void {
    this.ask = ask;
    this.active = this.filtersInOrder.filter((f) => f.enabled(ask));
    this.activeDynamic = this.active.filter((f) => f.dynamic);
    this.failures.clear();
  }

  /** Next task of the same group: same filters, failure counts carry on. */
  setTaskKeepingCounts(ask: TaskAsk): void {
    this.ask = ask;
  }

  /** All filters; a failure is counted against the first one that says no. */
  check(node: NodeInfo): boolean {
    return this.run(this.active, node);
  }

  /** Only the filters whose answer may have changed since `check` passed. */
  recheck(node: NodeInfo): boolean {
    return this.run(this.activeDynamic, node);
  }

  private run(filters: Filter[], node: NodeInfo): boolean {
    const ask = this.ask!;
    for (const f of filters) {
      if (!f.check(ask, node)) {
        this.failures.set(f, (this.failures.get(f) ?? 0) + 1);
        return false;
      }
    }
    return true;
  }

  /** Most frequent reason first, as Swarm orders them. */
  explain(): string {
    const parts = [...this.failures.entries()]
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1] || this.filtersInOrder.indexOf(a[0]) - this.filtersInOrder.indexOf(b[0]))
      .map(([f, n]) => f.explain(n));
    const placementError = this.ask?.placement.error;
    if (placementError) parts.unshift(placementError);
    return parts.length ? `no suitable node (${parts.join('; ')})` : 'no suitable node';
  }
}
