// Replicated services: slots 1..replicas, each holding one live task. Scaling up fills
// the new slots; scaling down retires the highest ones, so slots stay 1..N without
// gaps (task names web.1..web.N keep meaning something). Tasks on nodes that went
// down, were drained or stopped satisfying the constraints are replaced in their slot.
import type { Service, Task } from '../api-types';
import { fillGroup } from './fill';
import { mustLeaveNode } from './placement-check';
import { groupTasks, NodeLookup, Plan, PlanBuilder, PlanContext, reapHistory, retireGroup } from './plan';
import { restartPolicyOf } from './restart';
import { newTask } from './task-factory';
import { isLive } from './task-state';
import { planRollingUpdate, settleStartFirst, UpdateSlot } from './update';

export function liveLoad(tasks: readonly Task[]): (nodeId: string) => number {
  const load = new Map<string, number>();
  for (const t of tasks) if (isLive(t) && t.nodeId) load.set(t.nodeId, (load.get(t.nodeId) ?? 0) + 1);
  return (id) => load.get(id) ?? 0;
}

export function historyLimitFor(service: Service, ctx: PlanContext): number {
  // The restart supervisor counts attempts from the slot's history: keep enough of it.
  const max = restartPolicyOf(service).maxAttempts;
  return max > 0 ? Math.max(ctx.historyLimit, max + 1) : ctx.historyLimit;
}

export function planReplicated(
  service: Service,
  tasks: readonly Task[],
  nodes: NodeLookup,
  ctx: PlanContext,
): Plan {
  const b = new PlanBuilder(service, service.id);
  const replicas = Number(service.spec?.replicated?.replicas ?? 0);
  const groups = groupTasks(tasks, (t) => t.slot);
  const load = liveLoad(tasks);
  const policy = restartPolicyOf(service);
  const limit = historyLimitFor(service, ctx);

  for (const [slot, group] of groups) {
    if (slot < 1 || slot > replicas) retireGroup(b, group, nodes, ctx);
  }
  const updateSlots: UpdateSlot[] = [];
  for (let slot = 1; slot <= replicas; slot++) {
    const group = groups.get(slot);
    const make = () =>
      newTask(service, { id: ctx.newId(), now: ctx.now, slot, initialState: ctx.initialState });
    updateSlots.push({ group, make });
    if (settleStartFirst(b, service, group)) {
      reapHistory(b, group!, limit, nodes, ctx);
      continue;
    }
    fillGroup({
      b,
      group,
      service,
      policy,
      ctx,
      job: false,
      load,
      misplaced: (t) => mustLeaveNode(t, service, nodes),
      make,
    });
    if (group) reapHistory(b, group, limit, nodes, ctx);
  }
  // Live tasks made from an older spec are the updater's: replaced at its pace.
  planRollingUpdate(b, service, updateSlots, ctx);
  return b.build();
}
