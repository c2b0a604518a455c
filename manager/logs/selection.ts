// Which tasks a log subscription covers and which nodes must be asked for them: the pure
// part of the log broker, kept apart so it can be tested without gRPC or a store.
import type { Node, Service, Task } from '../api-types';
import type { LogContext } from '../../proto/gen/shoal/api/LogContext';
import type { LogSelector__Output } from '../../proto/gen/shoal/api/LogSelector';

export function selects(selector: LogSelector__Output, task: Task): boolean {
  return selector.serviceIds.includes(task.serviceId) || selector.taskIds.includes(task.id);
}

/**
 * Tasks whose logs can exist: selected and placed on a node (a task never assigned has
 * no container). History is included, as in Docker: the agent finds what still has a
 * container.
 */
export function selectedTasks(selector: LogSelector__Output, tasks: Iterable<Task>): Task[] {
  return [...tasks].filter((t) => t.nodeId && selects(selector, t));
}

export interface NodePlan {
  /** Nodes to send the subscription to. */
  ask: string[];
  /** Nodes that cannot answer, each with an operator-facing warning naming its tasks. */
  skipped: Array<{ nodeId: string; warning: string }>;
}

/**
 * Splits the nodes holding `tasks` into those to ask and those to skip: a node that is
 * down, or has no log channel open with this manager, would never answer, and a stream
 * without -f must end.
 */
export function planNodes(
  tasks: Task[],
  nodeOf: (id: string) => Node | undefined,
  connected: (nodeId: string) => boolean,
): NodePlan {
  const byNode = new Map<string, Task[]>();
  for (const t of tasks) byNode.set(t.nodeId, [...(byNode.get(t.nodeId) ?? []), t]);
  const plan: NodePlan = { ask: [], skipped: [] };
  for (const [nodeId, held] of [...byNode].sort(([a], [b]) => a.localeCompare(b))) {
    const node = nodeOf(nodeId);
    const names = held.map((t) => t.annotations?.name || t.id).join(', ');
    const label = node?.description?.hostname || nodeId;
    const skip = (why: string) =>
      plan.skipped.push({ nodeId, warning: `${why}: skipping the logs of ${names}` });
    if (!node) skip(`node ${nodeId} left the cluster`);
    else if (node.status?.state === 'DOWN') skip(`node ${label} is down`);
    else if (!connected(nodeId)) skip(`node ${label} is not connected to the leader`);
    else plan.ask.push(nodeId);
  }
  return plan;
}

/** The names an operator reads, from the store (never from what the agent claims). */
export function logContext(task: Task, service: Service | undefined, node: Node | undefined): LogContext {
  return {
    serviceId: task.serviceId,
    nodeId: task.nodeId,
    taskId: task.id,
    serviceName: service?.spec?.annotations?.name || task.serviceAnnotations?.name || task.serviceId,
    slot: task.slot,
    nodeHostname: node?.description?.hostname || task.nodeId,
  };
}
