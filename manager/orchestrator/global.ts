// Global services: one task on every node that suits the service (ready, active,
// matching constraints and platform). Follows nodes as they join, get drained, go down,
// or change labels. Tasks are created with their node already set; the scheduler only
// confirms the node has room (resources, host ports).
import type { Service, Task } from '../api-types';
import { fillGroup } from './fill';
import { globalFit } from './placement-check';
import { groupTasks, NodeLookup, Plan, PlanBuilder, PlanContext, reapHistory, retireGroup } from './plan';
import { historyLimitFor, liveLoad } from './replicated';
import { restartPolicyOf } from './restart';
import { newTask } from './task-factory';
import { isWanted } from './task-state';
import { planRollingUpdate, settleStartFirst, UpdateSlot } from './update';

export function planGlobal(
  service: Service,
  tasks: readonly Task[],
  nodes: NodeLookup,
  ctx: PlanContext,
): Plan {
  return planPerNode(service, tasks, nodes, ctx, false);
}

/** Shared with global jobs: the same per-node bookkeeping, with completion as the end. */
export function planPerNode(
  service: Service,
  tasks: readonly Task[],
  nodes: NodeLookup,
  ctx: PlanContext,
  job: boolean,
): Plan {
  const b = new PlanBuilder(service, service.id);
  // Tasks not yet tied to a node do not belong to a global service; retire them.
  const groups = groupTasks(tasks, (t) => t.nodeId);
  const policy = restartPolicyOf(service);
  const limit = historyLimitFor(service, ctx);
  const load = liveLoad(tasks);
  const current = job ? (t: Task) => t.jobIteration === service.jobIteration : undefined;
  const updateSlots: UpdateSlot[] = [];

  for (const [nodeId, group] of groups) {
    if (nodeId === '' || !nodes.get(nodeId)) retireGroup(b, group, nodes, ctx, 'SHUTDOWN');
  }
  for (const node of nodes.list()) {
    const group = groups.get(node.id);
    const fit = globalFit(service, node);
    if (fit === 'stop') {
      if (group) {
        for (const t of group.live) b.setDesired(t, 'SHUTDOWN');
        // A task that failed before the orchestrator saw its node leave must not stay
        // wanted there either (jobs keep their completed tasks as the run's record).
        if (!job) for (const t of group.tasks) if (isWanted(t)) b.setDesired(t, 'SHUTDOWN');
        reapHistory(b, group, limit, nodes, ctx);
      }
      continue;
    }
    if (job && group) {
      // Tasks of an earlier run of the job stop when a new run starts.
      for (const t of group.live) if (!current!(t)) b.setDesired(t, 'SHUTDOWN');
    }
    if (fit === 'run') {
      const make = () =>
        newTask(service, {
          id: ctx.newId(),
          now: ctx.now,
          slot: 0,
          nodeId: node.id,
          initialState: ctx.initialState,
        });
      if (!job) {
        updateSlots.push({ group, make });
        if (settleStartFirst(b, service, group)) {
          reapHistory(b, group!, limit, nodes, ctx);
          continue;
        }
      }
      fillGroup({
        b,
        group,
        service,
        policy,
        ctx,
        job,
        load,
        current,
        misplaced: () => false,
        make,
      });
    }
    if (group) reapHistory(b, group, limit, nodes, ctx);
  }
  // Each node is a slot for the updater; jobs rerun by iteration instead.
  if (!job) planRollingUpdate(b, service, updateSlots, ctx);
  return b.build();
}
