// One entry point for the driver: the plan for one service, whatever its mode.
import type { Service, Task } from '../api-types';
import { planGlobal } from './global';
import { planGlobalJob, planReplicatedJob } from './jobs';
import { NodeLookup, Plan, PlanContext } from './plan';
import { planRemoved } from './removed';
import { planReplicated } from './replicated';

export function planService(
  serviceId: string,
  service: Service | undefined,
  tasks: readonly Task[],
  nodes: NodeLookup,
  ctx: PlanContext,
): Plan {
  if (!service || service.pendingDelete) return planRemoved(serviceId, service, tasks, nodes, ctx);
  switch (service.spec?.mode) {
    case 'global':
      return planGlobal(service, tasks, nodes, ctx);
    case 'replicatedJob':
      return planReplicatedJob(service, tasks, nodes, ctx);
    case 'globalJob':
      return planGlobalJob(service, tasks, nodes, ctx);
    case 'replicated':
    default:
      // A spec without a mode is a replicated service, as in Docker.
      return planReplicated(service, tasks, nodes, ctx);
  }
}
