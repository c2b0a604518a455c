// Jobs run to completion. A replicated job needs `total_completions` successful tasks,
// at most `max_concurrent` running at once (slots 1..total, each completes once); a
// global job needs one completion per suitable node. Failures restart as the restart
// policy says, but a completed task never restarts. `job_iteration` on the service
// counts runs: bumping it (service update) starts the job over, stopping old tasks.
import type { Service, Task } from '../api-types';
import { fillGroup } from './fill';
import { planPerNode } from './global';
import { mustLeaveNode } from './placement-check';
import { groupTasks, NodeLookup, Plan, PlanBuilder, PlanContext, reapHistory, retireGroup } from './plan';
import { historyLimitFor, liveLoad } from './replicated';
import { restartPolicyOf } from './restart';
import { newTask } from './task-factory';
import { isLive } from './task-state';

export function jobShape(service: Service): { total: number; concurrent: number } {
  const j = service.spec?.replicatedJob;
  const mc = Number(j?.maxConcurrent ?? 0);
  const tc = Number(j?.totalCompletions ?? 0);
  // As `docker service create --mode replicated-job`: completions default to the
  // concurrency and the concurrency to the completions; both unset means one task.
  const total = tc || mc || 1;
  return { total, concurrent: Math.min(mc || total, total) };
}

export function planReplicatedJob(
  service: Service,
  tasks: readonly Task[],
  nodes: NodeLookup,
  ctx: PlanContext,
): Plan {
  const b = new PlanBuilder(service, service.id);
  const { total, concurrent } = jobShape(service);
  const iteration = service.jobIteration;
  const current = (t: Task) => t.jobIteration === iteration;
  const groups = groupTasks(tasks, (t) => t.slot);
  const policy = restartPolicyOf(service);
  const limit = historyLimitFor(service, ctx);
  const load = liveLoad(tasks);
  const misplaced = (t: Task) => mustLeaveNode(t, service, nodes);

  for (const t of tasks) if (isLive(t) && !current(t)) b.setDesired(t, 'SHUTDOWN');
  for (const [slot, group] of groups) if (slot < 1 || slot > total) retireGroup(b, group, nodes, ctx);

  // Count what runs before starting anything, so a live task in a later slot is not
  // forgotten while earlier slots take the capacity.
  let active = 0;
  for (let slot = 1; slot <= total; slot++) {
    const live = groups.get(slot)?.live.filter(current) ?? [];
    if (live.length > 0) active++;
  }
  const canStart = () => (active < concurrent ? (active++, true) : false);

  for (let slot = 1; slot <= total; slot++) {
    const group = groups.get(slot);
    fillGroup({
      b,
      group,
      service,
      policy,
      ctx,
      job: true,
      load,
      current,
      misplaced,
      canStart,
      make: () => newTask(service, { id: ctx.newId(), now: ctx.now, slot, initialState: ctx.initialState }),
    });
    if (group) reapHistory(b, group, limit, nodes, ctx);
  }
  return b.build();
}

export function planGlobalJob(
  service: Service,
  tasks: readonly Task[],
  nodes: NodeLookup,
  ctx: PlanContext,
): Plan {
  return planPerNode(service, tasks, nodes, ctx, true);
}

/** For `docker service ls`-style progress: completed slots (or nodes) of this run. */
export function completions(service: Service, tasks: readonly Task[]): number {
  const done = new Set<string>();
  for (const t of tasks) {
    if (t.jobIteration === service.jobIteration && t.status?.state === 'COMPLETE') {
      done.add(service.spec?.mode === 'globalJob' ? t.nodeId : String(t.slot));
    }
  }
  return done.size;
}
