// Does a node still suit a task of this service? Asked by the replicated orchestrator
// (move tasks off nodes that went down, were drained or lost a label the constraints
// need) and by the global one (which nodes get a task at all).
import type { Node, Service, Task } from '../api-types';
import { compilePlacement, satisfiesConstraints, satisfiesPlatform } from '../constraints/placement';
import { availabilityOf, nodeIsDown, nodeIsReady } from './task-state';
import type { NodeLookup } from './plan';

/**
 * True when a task placed on a node must be moved elsewhere. Constraints are checked
 * as the task was created and as the service now wants them, so that changing a
 * node's labels or the service's constraints moves tasks even before a rolling update.
 */
export function mustLeaveNode(t: Task, service: Service, nodes: NodeLookup): boolean {
  if (!t.nodeId) return false; // not placed yet: the scheduler's business
  const node = nodes.get(t.nodeId);
  if (!node || nodeIsDown(node) || availabilityOf(node) === 'DRAIN') return true;
  return violates(t.spec?.placement, node) || violates(service.spec?.task?.placement, node);
}

function violates(placement: Parameters<typeof compilePlacement>[0], node: Node): boolean {
  const compiled = compilePlacement(placement);
  // A spec whose constraints do not parse placed nothing new; leave running tasks be.
  if (compiled.error) return false;
  return !satisfiesConstraints(compiled, node);
}

/**
 * For global services: `run` = the node should have a task; `keep` = leave an existing
 * task alone but start none (paused, or not reporting yet); `stop` = no task here.
 */
export function globalFit(service: Service, node: Node): 'run' | 'keep' | 'stop' {
  if (nodeIsDown(node) || availabilityOf(node) === 'DRAIN') return 'stop';
  const placement = compilePlacement(service.spec?.task?.placement);
  if (placement.error) return 'keep';
  if (!satisfiesConstraints(placement, node) || !satisfiesPlatform(placement, node)) return 'stop';
  if (!nodeIsReady(node) || availabilityOf(node) !== 'ACTIVE') return 'keep';
  return 'run';
}
