// A service that was deleted (or marked pending_delete): every task of it is told to go
// (desired REMOVE, which agents treat as "stop and forget"), and deleted from the store
// once it has stopped. A pending_delete service is deleted with its last task.
import type { Service, Task } from '../api-types';
import { groupTasks, NodeLookup, Plan, PlanBuilder, PlanContext, retireGroup } from './plan';

export function planRemoved(
  serviceId: string,
  service: Service | undefined,
  tasks: readonly Task[],
  nodes: NodeLookup,
  ctx: PlanContext,
): Plan {
  const b = new PlanBuilder(undefined, serviceId);
  for (const group of groupTasks(tasks, () => 0).values()) retireGroup(b, group, nodes, ctx);
  if (service && tasks.length === 0) b.deleteTheService(service);
  return b.build();
}
