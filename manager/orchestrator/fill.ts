// The one decision every orchestrator makes per slot (replicated) or per node (global):
// given the tasks there, keep the live one, move it if its node no longer fits, or
// start a new one (now, after the restart delay, or never, as the restart policy says).
import type { Service, Task } from '../api-types';
import { keepOne, PlanBuilder, PlanContext, TaskGroup } from './plan';
import { decideRestart, RestartPolicy } from './restart';
import { exitedOnItsOwn, hasExited, isLive, isWanted, stateOf } from './task-state';

export type FillOutcome =
  /** A live task holds the slot. */
  | 'live'
  /** A new task was planned. */
  | 'created'
  /** A restart is due later (the plan's wakeAt says when) or waits for job capacity. */
  | 'waiting'
  /** The restart policy says this slot stays empty until the service is updated. */
  | 'settled'
  /** Jobs: the slot completed. */
  | 'done';

export interface FillArgs {
  b: PlanBuilder;
  group: TaskGroup | undefined;
  service: Service;
  policy: RestartPolicy;
  ctx: PlanContext;
  job: boolean;
  make: () => Task;
  /** Live tasks of this service per node, to pick which duplicate to keep. */
  load: (nodeId: string) => number;
  /** Why a live task must leave its node (down, drained, constraints), or undefined. */
  misplaced: (t: Task) => boolean;
  /** Jobs: only tasks of the current iteration count; older ones are history. */
  current?: (t: Task) => boolean;
  /** Jobs: takes one unit of concurrency, false when none is left. */
  canStart?: () => boolean;
}

export function fillGroup(a: FillArgs): FillOutcome {
  const { b, group, ctx } = a;
  const tasks = group ? (a.current ? group.tasks.filter(a.current) : group.tasks) : [];
  const start = (replacing: boolean): FillOutcome => {
    if (!replacing && a.canStart && !a.canStart()) return 'waiting';
    b.create(a.make(), group);
    return 'created';
  };

  if (a.job && tasks.some((t) => stateOf(t) === 'COMPLETE')) {
    for (const t of tasks) if (isLive(t)) b.setDesired(t, 'SHUTDOWN');
    return 'done';
  }

  const live = tasks.filter(isLive);
  if (live.length > 0) {
    const keeper = keepOne(b, live, a.load);
    if (!a.misplaced(keeper)) return 'live';
    // Moving a task is not a restart: no delay, no attempt counted.
    b.setDesired(keeper, 'SHUTDOWN');
    return start(true);
  }

  // Tasks that ended while still wanted are told to stay down; the restart policy
  // decides whether and when a new one replaces them.
  for (const t of tasks) if (isWanted(t) && hasExited(t)) b.setDesired(t, 'SHUTDOWN');

  const head = tasks[0];
  if (!head) return start(false);
  const revive =
    !exitedOnItsOwn(head) || head.desiredState === 'REMOVE' || head.specVersion < a.service.specVersion;
  if (revive) return start(false);
  const decision = decideRestart(head, tasks, a.policy, ctx.now, a.job);
  if (decision.kind === 'never') return 'settled';
  if (decision.kind === 'at') {
    b.wake(decision.at);
    return 'waiting';
  }
  return start(false);
}
