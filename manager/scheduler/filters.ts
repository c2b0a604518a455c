// The scheduler's filters: each asks one question about one node for one task, and
// explains a failure in Docker Swarm's words (`docker service ps` shows them). Static
// filters depend only on the node and the task's spec; dynamic ones depend on what
// else runs on the node, so they are asked again after every placement in a batch.
import type { Task } from '../api-types';
import { CompiledPlacement, satisfiesConstraints, satisfiesPlatform } from '../constraints/placement';
import { hostPortsOf, NodeInfo, reservationsOf } from './node-info';

/** The task being placed, with its spec's parsed placement and derived asks. */
export interface TaskAsk {
  task: Task;
  placement: CompiledPlacement;
  cpu: number;
  memory: number;
  hostPorts: string[];
}

export function askFor(task: Task, placement: CompiledPlacement): TaskAsk {
  return { task, placement, ...reservationsOf(task), hostPorts: hostPortsOf(task) };
}

export interface Filter {
  readonly name: string;
  /** True when the answer can change as tasks are placed on nodes in this batch. */
  readonly dynamic: boolean;
  /** False when the filter has nothing to say about this task (always passes). */
  enabled(ask: TaskAsk): boolean;
  check(ask: TaskAsk, node: NodeInfo): boolean;
  explain(nodes: number): string;
}

const onNodes = (n: number) => (n === 1 ? '1 node' : `${n} nodes`);

export const readyFilter: Filter = {
  name: 'ready',
  dynamic: false,
  enabled: () => true,
  check: (_ask, n) =>
    n.node.status?.state === 'READY' && (n.node.spec?.availability ?? 'ACTIVE') === 'ACTIVE',
  explain: (n) => `${onNodes(n)} not available for new tasks`,
};

export const resourceFilter: Filter = {
  name: 'resources',
  dynamic: true,
  enabled: (ask) => ask.cpu > 0 || ask.memory > 0,
  check: (ask, n) => ask.cpu <= n.availableCpu && ask.memory <= n.availableMemory,
  explain: (n) => `insufficient resources on ${onNodes(n)}`,
};

export const constraintFilter: Filter = {
  name: 'constraints',
  dynamic: false,
  enabled: (ask) => ask.placement.constraints.length > 0 || ask.placement.error !== undefined,
  check: (ask, n) => satisfiesConstraints(ask.placement, n.node),
  explain: (n) => `scheduling constraints not satisfied on ${onNodes(n)}`,
};

export const platformFilter: Filter = {
  name: 'platform',
  dynamic: false,
  enabled: (ask) => ask.placement.platforms.length > 0,
  check: (ask, n) => satisfiesPlatform(ask.placement, n.node),
  explain: (n) => `unsupported platform on ${onNodes(n)}`,
};

export const hostPortFilter: Filter = {
  name: 'host-ports',
  dynamic: true,
  enabled: (ask) => ask.hostPorts.length > 0,
  check: (ask, n) => ask.hostPorts.every((p) => !n.portInUse(p)),
  explain: (n) => `host-mode port already in use on ${onNodes(n)}`,
};

export const maxReplicasFilter: Filter = {
  name: 'max-replicas',
  dynamic: true,
  enabled: (ask) => ask.placement.maxReplicas > 0,
  check: (ask, n) => n.tasksOfService(ask.task.serviceId) < ask.placement.maxReplicas,
  // Swarm's wording, kept so users can search for it.
  explain: () => 'max replicas per node limit exceed',
};

/** Swarm's order: cheap and common answers first. */
export const DEFAULT_FILTERS: readonly Filter[] = [
  readyFilter,
  resourceFilter,
  constraintFilter,
  platformFilter,
  hostPortFilter,
  maxReplicasFilter,
];
