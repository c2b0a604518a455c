// Placement preferences as Swarm applies them: `spread=node.labels.zone` splits the
// candidate nodes by zone and gives each new task to the zone that has the fewest tasks
// of the service; a second preference splits each zone again, and so on (a tree, outer
// preference first). Nodes without the label form their own branch. Inside a leaf the
// node with the fewest tasks of the service wins, then the one with the fewest tasks.
import { nodeValue } from '../constraints';
import { Heap } from './heap';
import type { NodeInfo } from './node-info';

/**
 * Least loaded first: tasks of this service, then all tasks, then the node that got a
 * task of this service longest ago, then id (deterministic).
 */
export function nodeLess(serviceId: string): (a: NodeInfo, b: NodeInfo) => boolean {
  return (a, b) => {
    const sa = a.tasksOfService(serviceId);
    const sb = b.tasksOfService(serviceId);
    if (sa !== sb) return sa < sb;
    if (a.taskCount !== b.taskCount) return a.taskCount < b.taskCount;
    const pa = a.lastPlacedOf(serviceId);
    const pb = b.lastPlacedOf(serviceId);
    if (pa !== pb) return pa < pb;
    return a.id < b.id;
  };
}

export class Branch {
  /** Tasks of the service on the nodes under this branch. */
  count = 0;
  /** No node under this branch can take another task of this group. */
  exhausted = false;
  children: Branch[] = [];
  heap?: Heap<NodeInfo>;

  constructor(readonly value: string) {}
}

export function buildSpreadTree(candidates: NodeInfo[], keys: readonly string[], serviceId: string): Branch {
  const build = (value: string, nodes: NodeInfo[], depth: number): Branch => {
    const branch = new Branch(value);
    if (depth === keys.length) {
      branch.heap = new Heap(nodeLess(serviceId));
      for (const n of nodes) {
        branch.heap.push(n);
        branch.count += n.tasksOfService(serviceId);
      }
      branch.exhausted = nodes.length === 0;
      return branch;
    }
    const groups = new Map<string, NodeInfo[]>();
    for (const n of nodes) {
      const v = nodeValue(n.node, keys[depth]) ?? '';
      let g = groups.get(v);
      if (!g) groups.set(v, (g = []));
      g.push(n);
    }
    for (const v of [...groups.keys()].sort()) {
      const child = build(v, groups.get(v)!, depth + 1);
      branch.children.push(child);
      branch.count += child.count;
    }
    branch.exhausted = branch.children.length === 0;
    return branch;
  };
  return build('', candidates, 0);
}

/**
 * Picks a node for one task: walks down to the least-loaded open branch and asks its
 * heap. `fits` re-checks the dynamic filters; a node that no longer fits is dropped
 * (within a batch, nodes only fill up). Returns undefined when nothing fits anywhere.
 * The caller must call `placed` with the returned path after recording the placement.
 */
export function pickNode(
  root: Branch,
  fits: (n: NodeInfo) => boolean,
): { node: NodeInfo; path: Branch[] } | undefined {
  while (!root.exhausted) {
    const path: Branch[] = [root];
    let b = root;
    while (b.children.length > 0) {
      let best: Branch | undefined;
      for (const c of b.children) if (!c.exhausted && (!best || c.count < best.count)) best = c;
      if (!best) break;
      b = best;
      path.push(b);
    }
    if (b.heap) {
      for (let n = b.heap.pop(); n; n = b.heap.pop()) {
        if (fits(n)) return { node: n, path };
      }
    }
    // This branch is spent: close it and every ancestor left without an open child.
    b.exhausted = true;
    for (let i = path.length - 2; i >= 0; i--) {
      if (path[i].children.every((c) => c.exhausted)) path[i].exhausted = true;
      else break;
    }
  }
  return undefined;
}

export function placed(picked: { node: NodeInfo; path: Branch[] }): void {
  for (const b of picked.path) b.count++;
  picked.path[picked.path.length - 1].heap!.push(picked.node);
}
