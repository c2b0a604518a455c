// How a container is tied to its task. Docker Swarm uses com.docker.swarm.* labels; shoal
// uses the same shape under its own prefix. These labels are the only link between a
// container and the cluster state, which is what lets an agent that restarts, or
// reconnects to a new manager leader, find and adopt its containers instead of
// restarting them, and recognise the ones whose task is gone.
import type { Task } from '../../proto/api-types';

export const LABEL = {
  serviceId: 'shoal.service.id',
  serviceName: 'shoal.service.name',
  taskId: 'shoal.task.id',
  taskName: 'shoal.task.name',
  taskSlot: 'shoal.task.slot',
  nodeId: 'shoal.node.id',
} as const;

/** What a container's labels say about the task it runs. */
export interface ContainerIdentity {
  serviceId: string;
  serviceName: string;
  taskId: string;
  taskName: string;
  slot: string;
  nodeId: string;
}

export function serviceName(task: Task): string {
  return task.serviceAnnotations?.name || task.serviceId;
}

/**
 * `<service>.<slot>.<task id>` for replicated services, `<service>.<node id>.<task id>`
 * for global ones (slot 0), as Swarm names its containers. The manager's annotation wins
 * when it has one, so the name matches what `service ps` shows.
 */
export function taskName(task: Task): string {
  if (task.annotations?.name) return task.annotations.name;
  const middle = task.slot > 0 ? String(task.slot) : task.nodeId;
  return `${serviceName(task)}.${middle}.${task.id}`;
}

export function taskLabels(task: Task, nodeId: string): Record<string, string> {
  return {
    [LABEL.serviceId]: task.serviceId,
    [LABEL.serviceName]: serviceName(task),
    [LABEL.taskId]: task.id,
    [LABEL.taskName]: taskName(task),
    [LABEL.taskSlot]: String(task.slot),
    [LABEL.nodeId]: nodeId,
  };
}

/** Reads the identity back from labels; undefined when the container is not shoal's. */
export function identityOf(labels: Record<string, string> | undefined | null): ContainerIdentity | undefined {
  const taskId = labels?.[LABEL.taskId];
  if (!labels || !taskId) return undefined;
  return {
    serviceId: labels[LABEL.serviceId] ?? '',
    serviceName: labels[LABEL.serviceName] ?? '',
    taskId,
    taskName: labels[LABEL.taskName] ?? '',
    slot: labels[LABEL.taskSlot] ?? '',
    nodeId: labels[LABEL.nodeId] ?? '',
  };
}
