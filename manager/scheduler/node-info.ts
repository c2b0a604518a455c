// What the scheduler knows about one node: the node object plus the tasks that hold it
// (assigned, not yet exited), summed up so a filter answers in O(1): reserved CPU and
// memory, tasks per service, host ports in use. Kept incrementally from store events;
// setTask is idempotent by task id, so replaying an event (or our own tentative
// decision followed by its committed event) never double-counts.
import type { Node, Task } from '../api-types';
import { holdsNode } from '../orchestrator/task-state';

export interface HostPort {
  protocol: string;
  port: number;
}

interface Held {
  serviceId: string;
  cpu: number;
  memory: number;
  ports: string[];
}

export function hostPortsOf(task: Task): string[] {
  const ports = task.endpoint?.ports?.length ? task.endpoint.ports : (task.endpoint?.spec?.ports ?? []);
  const out: string[] = [];
  for (const p of ports) {
    if (p.publishMode === 'HOST' && p.publishedPort > 0) out.push(`${p.protocol}/${p.publishedPort}`);
  }
  return out;
}

export function reservationsOf(task: Task): { cpu: number; memory: number } {
  const r = task.spec?.resources?.reservations;
  return { cpu: Number(r?.nanoCpus ?? 0), memory: Number(r?.memoryBytes ?? 0) };
}

// Orders placements across all nodes, for the last tie-break: among nodes equal on load,
// the one that got a task of the service longest ago. Without it, tied nodes are always
// taken in id order, so a job's successive batches (whose finished tasks leave every node
// at 0 again) all land on the same few nodes.
let placementSeq = 0;
const REMEMBERED_SERVICES = 64;

export class NodeInfo {
  private readonly held = new Map<string, Held>();
  /** Services placed here most recently, oldest first, with their placement sequence. */
  private readonly lastPlaced = new Map<string, number>();
  private readonly perService = new Map<string, number>();
  private readonly ports = new Map<string, number>();
  reservedCpu = 0;
  reservedMemory = 0;

  constructor(public node: Node) {}

  get id(): string {
    return this.node.id;
  }

  /** Tasks currently holding this node. */
  get taskCount(): number {
    return this.held.size;
  }

  tasksOfService(serviceId: string): number {
    return this.perService.get(serviceId) ?? 0;
  }

  /** When this node last got a task of the service (0: never, or too long ago to remember). */
  lastPlacedOf(serviceId: string): number {
    return this.lastPlaced.get(serviceId) ?? 0;
  }

  get availableCpu(): number {
    return Number(this.node.description?.resources?.nanoCpus ?? 0) - this.reservedCpu;
  }

  get availableMemory(): number {
    return Number(this.node.description?.resources?.memoryBytes ?? 0) - this.reservedMemory;
  }

  portInUse(key: string): boolean {
    return (this.ports.get(key) ?? 0) > 0;
  }

  /** Adds, replaces or (when it no longer holds this node) drops the task. */
  setTask(task: Task): void {
    const placedNow = !this.held.has(task.id);
    this.removeTask(task.id);
    if (task.nodeId !== this.node.id || !holdsNode(task)) return;
    if (placedNow) this.rememberPlacement(task.serviceId);
    const { cpu, memory } = reservationsOf(task);
    const held: Held = { serviceId: task.serviceId, cpu, memory, ports: hostPortsOf(task) };
    this.held.set(task.id, held);
    this.reservedCpu += cpu;
    this.reservedMemory += memory;
    this.perService.set(held.serviceId, (this.perService.get(held.serviceId) ?? 0) + 1);
    for (const p of held.ports) this.ports.set(p, (this.ports.get(p) ?? 0) + 1);
  }

  private rememberPlacement(serviceId: string): void {
    this.lastPlaced.delete(serviceId);
    this.lastPlaced.set(serviceId, ++placementSeq);
    if (this.lastPlaced.size > REMEMBERED_SERVICES)
      this.lastPlaced.delete(this.lastPlaced.keys().next().value as string);
  }

  removeTask(taskId: string): void {
    const held = this.held.get(taskId);
    if (!held) return;
    this.held.delete(taskId);
    this.reservedCpu -= held.cpu;
    this.reservedMemory -= held.memory;
    const n = (this.perService.get(held.serviceId) ?? 1) - 1;
    if (n > 0) this.perService.set(held.serviceId, n);
    else this.perService.delete(held.serviceId);
    for (const p of held.ports) {
      const c = (this.ports.get(p) ?? 1) - 1;
      if (c > 0) this.ports.set(p, c);
      else this.ports.delete(p);
    }
  }
}

/** All nodes' infos, fed by store events (or built from a snapshot). */
export class NodeSet {
  private readonly infos = new Map<string, NodeInfo>();
  /** Where each task is counted, so a task that moves or vanishes is found in O(1). */
  private readonly taskNode = new Map<string, string>();

  static from(nodes: Iterable<Node>, tasks: Iterable<Task>): NodeSet {
    const set = new NodeSet();
    for (const n of nodes) set.setNode(n);
    for (const t of tasks) set.setTask(t);
    return set;
  }

  get size(): number {
    return this.infos.size;
  }

  get(id: string): NodeInfo | undefined {
    return this.infos.get(id);
  }

  all(): IterableIterator<NodeInfo> {
    return this.infos.values();
  }

  setNode(node: Node): void {
    const info = this.infos.get(node.id);
    if (info) info.node = node;
    else this.infos.set(node.id, new NodeInfo(node));
  }

  removeNode(id: string): void {
    this.infos.delete(id);
    for (const [taskId, nodeId] of this.taskNode) if (nodeId === id) this.taskNode.delete(taskId);
  }

  setTask(task: Task): void {
    const before = this.taskNode.get(task.id);
    if (before !== undefined && before !== task.nodeId) this.infos.get(before)?.removeTask(task.id);
    const info = task.nodeId ? this.infos.get(task.nodeId) : undefined;
    if (!info) {
      this.taskNode.delete(task.id);
      return;
    }
    info.setTask(task);
    if (holdsNode(task)) this.taskNode.set(task.id, task.nodeId);
    else this.taskNode.delete(task.id);
  }

  removeTask(taskId: string): void {
    const nodeId = this.taskNode.get(taskId);
    if (nodeId === undefined) return;
    this.infos.get(nodeId)?.removeTask(taskId);
    this.taskNode.delete(taskId);
  }
}
