// The scheduling decision for a batch of pending tasks, as a pure function over the
// node set: group the tasks by service and spec version (one filter pass and one spread
// tree per group, not per task), place them one by one on the least-loaded fitting
// node, and return the task updates to write in one store transaction. The node set is
// updated tentatively as tasks are placed, so later decisions see earlier ones; the
// committed events replay the same changes idempotently.
import type { Task } from '../api-types';
import { isWanted } from '../orchestrator/task-state';
import { compilePlacement } from '../constraints/placement';
import { askFor } from './filters';
import { Pipeline } from './pipeline';
import { buildSpreadTree, pickNode, placed } from './spread';
import type { NodeInfo, NodeSet } from './node-info';

export const ASSIGNED_MESSAGE = 'scheduler assigned task to node';
export const PENDING_MESSAGE = 'pending task scheduling';

export interface ScheduleOptions {
  /** Milliseconds since the epoch for the status timestamps. */
  now: number;
  pipeline?: Pipeline;
}

export interface ScheduleResult {
  /** Copies of the tasks with node_id set and state ASSIGNED (meta.version as read). */
  assigned: Task[];
  /** Tasks left pending whose explanation changed: write them so users can see why. */
  explained: Task[];
  /** Why each task left pending could not be placed (changed or not). */
  reasons: Map<string, string>;
}

/** Is this task waiting for the scheduler? (The allocator moves NEW to PENDING.) */
export function awaitsScheduling(t: Task): boolean {
  return t.status?.state === 'PENDING' && isWanted(t);
}

export function scheduleBatch(
  nodes: NodeSet,
  pending: readonly Task[],
  opts: ScheduleOptions,
): ScheduleResult {
  const pipeline = opts.pipeline ?? new Pipeline();
  const result: ScheduleResult = { assigned: [], explained: [], reasons: new Map() };
  const assign = (task: Task, node: NodeInfo) => {
    const updated: Task = {
      ...task,
      nodeId: node.id,
      status: {
        ...(task.status ?? emptyStatus()),
        state: 'ASSIGNED',
        message: ASSIGNED_MESSAGE,
        err: '',
        timestamp: opts.now,
      },
    };
    nodes.setTask(updated);
    result.assigned.push(updated);
  };
  const leavePending = (task: Task, reason: string) => {
    result.reasons.set(task.id, reason);
    if (task.status?.err === reason) return;
    result.explained.push({
      ...task,
      status: { ...(task.status ?? emptyStatus()), state: 'PENDING', message: PENDING_MESSAGE, err: reason },
    });
  };

  const groups = new Map<string, Task[]>();
  for (const t of pending) {
    if (t.nodeId) {
      // Global services name the node; the scheduler only confirms it fits.
      const ask = askFor(t, compilePlacement(t.spec?.placement));
      pipeline.setTask(ask);
      const info = nodes.get(t.nodeId);
      if (!info) leavePending(t, `no suitable node (node ${t.nodeId} is not in the cluster)`);
      else if (pipeline.check(info)) assign(t, info);
      else leavePending(t, pipeline.explain());
      continue;
    }
    const key = `${t.serviceId}\u0000${t.specVersion}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(t);
  }

  for (const group of groups.values()) {
    group.sort((a, b) => a.slot - b.slot || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const first = group[0];
    const placement = compilePlacement(first.spec?.placement);
    pipeline.setTask(askFor(first, placement));
    const candidates: NodeInfo[] = [];
    for (const info of nodes.all()) if (pipeline.check(info)) candidates.push(info);
    const tree = buildSpreadTree(candidates, placement.spreadKeys, first.serviceId);
    let i = 0;
    for (; i < group.length; i++) {
      // Tasks of one group share the spec, so one ask serves all; only the id differs.
      pipeline.setTaskKeepingCounts(askFor(group[i], placement));
      const picked = pickNode(tree, (n) => pipeline.recheck(n));
      if (!picked) break;
      assign(group[i], picked.node);
      placed(picked);
    }
    if (i < group.length) {
      const reason = nodes.size === 0 ? 'no suitable node (no nodes in the cluster)' : pipeline.explain();
      for (; i < group.length; i++) leavePending(group[i], reason);
    }
  }
  return result;
}

function emptyStatus(): NonNullable<Task['status']> {
  return { timestamp: 0, state: 'PENDING', message: '', err: '', container: null, portStatus: null };
}
