import type { Node, Task } from '../../../manager/api-types';
import { NodeSet, scheduleBatch } from '../../../manager/scheduler';
import { node, service, T0, task } from '../orchestrator/fixtures';

const now = T0 + 1;
const pendingTasks = (svc = service('web'), n: number, extra: Record<string, unknown> = {}): Task[] =>
  Array.from({ length: n }, (_, i) => task(svc, { state: 'PENDING', nodeId: '', slot: i + 1, ...extra }));
const perNode = (assigned: Task[]) => {
  const m: Record<string, number> = {};
  for (const t of assigned) m[t.nodeId] = (m[t.nodeId] ?? 0) + 1;
  return m;
};
const running = (t: Task, nodeId: string): Task => ({
  ...t,
  nodeId,
  status: { ...t.status!, state: 'RUNNING' },
});

describe('scheduleBatch', () => {
  it('assigns every task, writing node and state ASSIGNED, spreading evenly', () => {
    const set = NodeSet.from([node('a'), node('b'), node('c')], []);
    const r = scheduleBatch(set, pendingTasks(undefined, 6), { now });
    expect(r.assigned).toHaveLength(6);
    expect(r.assigned.every((t) => t.status!.state === 'ASSIGNED' && t.status!.timestamp === now)).toBe(true);
    expect(perNode(r.assigned)).toEqual({ a: 2, b: 2, c: 2 });
    expect(r.explained).toEqual([]);
  });

  it("moves on to other nodes for a job's next batch once the last one finished (tied nodes taken round robin)", () => {
    const job = service('batch');
    const set = NodeSet.from([node('a'), node('b'), node('c'), node('d'), node('e')], []);
    const used: string[][] = [];
    for (let round = 0; round < 3; round++) {
      const pending = pendingTasks(job, 2).map((t) => ({ ...t, id: `${t.id}-r${round}` }));
      const r = scheduleBatch(set, pending, { now });
      used.push(r.assigned.map((t) => t.nodeId).sort());
      // The batch runs to completion: its tasks stop holding their nodes, every node is at 0 again.
      for (const t of r.assigned) set.setTask({ ...t, status: { ...t.status!, state: 'COMPLETE' } });
    }
    expect(used).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['a', 'e'],
    ]);
  });

  it('prefers nodes with fewer tasks of the service, then fewer tasks overall', () => {
    const web = service('web');
    const other = service('other');
    const existing = [
      running(task(web, { slot: 1 }), 'a'), // a has one of ours
      running(task(other, { slot: 1 }), 'b'), // b has one other task
      running(task(other, { slot: 2 }), 'b'),
    ];
    const set = NodeSet.from([node('a'), node('b'), node('c')], existing);
    const r = scheduleBatch(set, pendingTasks(web, 2), { now });
    // c (0 ours, 0 total) first, then b (0 ours, 2 total) before a (1 ours).
    expect(r.assigned.map((t) => t.nodeId)).toEqual(['c', 'b']);
  });

  it('spreads over a label first (nodes without it form their own group), then by load', () => {
    const nodes: Node[] = [
      node('a1', { labels: { zone: 'a' } }),
      node('a2', { labels: { zone: 'a' } }),
      node('a3', { labels: { zone: 'a' } }),
      node('b1', { labels: { zone: 'b' } }),
      node('x1'),
    ];
    const svc = service('web', {
      task: { container: { image: 'x' }, placement: { preferences: [{ spread: 'node.labels.zone' }] } },
    });
    const r = scheduleBatch(NodeSet.from(nodes, []), pendingTasks(svc, 6), { now });
    const zones = { a: 0, b: 0, none: 0 };
    for (const t of r.assigned) zones[t.nodeId.startsWith('a') ? 'a' : t.nodeId === 'b1' ? 'b' : 'none']++;
    expect(zones).toEqual({ a: 2, b: 2, none: 2 });
    // Within zone a the two tasks went to different nodes.
    expect(new Set(r.assigned.filter((t) => t.nodeId.startsWith('a')).map((t) => t.nodeId)).size).toBe(2);
  });

  it('spreads hierarchically: zone, then rack within the zone', () => {
    const nodes = [
      node('a-r1', { labels: { zone: 'a', rack: '1' } }),
      node('a-r2', { labels: { zone: 'a', rack: '2' } }),
      node('b-r1', { labels: { zone: 'b', rack: '1' } }),
      node('b-r1b', { labels: { zone: 'b', rack: '1' } }),
    ];
    const svc = service('web', {
      task: {
        container: { image: 'x' },
        placement: { preferences: [{ spread: 'node.labels.zone' }, { spread: 'node.labels.rack' }] },
      },
    });
    const r = scheduleBatch(NodeSet.from(nodes, []), pendingTasks(svc, 4), { now });
    expect(perNode(r.assigned)).toEqual({ 'a-r1': 1, 'a-r2': 1, 'b-r1': 1, 'b-r1b': 1 });
  });

  it('counts existing tasks of the service when spreading', () => {
    const nodes = [node('a1', { labels: { zone: 'a' } }), node('b1', { labels: { zone: 'b' } })];
    const svc = service('web', {
      task: { container: { image: 'x' }, placement: { preferences: [{ spread: 'node.labels.zone' }] } },
    });
    const existing = [running(task(svc, { slot: 9 }), 'a1'), running(task(svc, { slot: 10 }), 'a1')];
    const r = scheduleBatch(NodeSet.from(nodes, existing), pendingTasks(svc, 2), { now });
    expect(perNode(r.assigned)).toEqual({ b1: 2 });
  });

  it('keeps per-node reservations as it goes, and explains the tasks left over', () => {
    const svc = service('web', {
      task: { container: { image: 'x' }, resources: { reservations: { nanoCpus: 2e9 } } },
    });
    const nodes = [node('a', { cpus: 4e9 }), node('b', { cpus: 2e9 }), node('c', { state: 'DOWN' })];
    const r = scheduleBatch(NodeSet.from(nodes, []), pendingTasks(svc, 5), { now });
    expect(perNode(r.assigned)).toEqual({ a: 2, b: 1 });
    const reason = 'no suitable node (insufficient resources on 2 nodes; 1 node not available for new tasks)';
    expect(r.explained).toHaveLength(2);
    expect(r.explained.every((t) => t.status!.err === reason && t.status!.state === 'PENDING')).toBe(true);
    expect([...r.reasons.values()]).toEqual([reason, reason]);
  });

  it('does not rewrite a task whose explanation did not change', () => {
    const svc = service('web', {
      task: { container: { image: 'x' }, placement: { constraints: ['node.role==manager'] } },
    });
    const reason = 'no suitable node (scheduling constraints not satisfied on 1 node)';
    const t = task(svc, { state: 'PENDING', nodeId: '', slot: 1 });
    const first = scheduleBatch(NodeSet.from([node('w')], []), [t], { now });
    expect(first.explained[0].status!.err).toBe(reason);
    const again = scheduleBatch(NodeSet.from([node('w')], []), [first.explained[0]], { now });
    expect(again.explained).toEqual([]);
    expect(again.reasons.get(t.id)).toBe(reason);
  });

  it('with no nodes at all says so', () => {
    const r = scheduleBatch(new NodeSet(), pendingTasks(undefined, 1), { now });
    expect(r.explained[0].status!.err).toBe('no suitable node (no nodes in the cluster)');
  });

  it('max replicas per node and host ports are re-checked after each placement', () => {
    const svc = service('web', {
      task: { container: { image: 'x' }, placement: { maxReplicas: 1 } },
    });
    const r = scheduleBatch(NodeSet.from([node('a'), node('b')], []), pendingTasks(svc, 3), { now });
    expect(perNode(r.assigned)).toEqual({ a: 1, b: 1 });
    expect(r.explained[0].status!.err).toBe('no suitable node (max replicas per node limit exceed)');

    const ports = pendingTasks(service('p'), 3, {
      endpoint: { ports: [{ protocol: 'TCP', targetPort: 80, publishedPort: 80, publishMode: 'HOST' }] },
    });
    const r2 = scheduleBatch(NodeSet.from([node('a'), node('b')], []), ports, { now });
    expect(perNode(r2.assigned)).toEqual({ a: 1, b: 1 });
    expect(r2.explained[0].status!.err).toBe('no suitable node (host-mode port already in use on 2 nodes)');
  });

  it('confirms a preassigned node (global tasks) or says why not', () => {
    const svc = service('g', { mode: 'global', global: {} });
    const ok = task(svc, { state: 'PENDING', nodeId: 'a' });
    const paused = task(svc, { state: 'PENDING', nodeId: 'p' });
    const gone = task(svc, { state: 'PENDING', nodeId: 'zz' });
    const set = NodeSet.from([node('a'), node('b'), node('p', { availability: 'PAUSE' })], []);
    const r = scheduleBatch(set, [ok, paused, gone], { now });
    expect(r.assigned.map((t) => [t.id, t.nodeId])).toEqual([[ok.id, 'a']]);
    expect(r.reasons.get(paused.id)).toBe('no suitable node (1 node not available for new tasks)');
    expect(r.reasons.get(gone.id)).toBe('no suitable node (node zz is not in the cluster)');
  });

  it('a later batch sees the earlier one (the node set was updated in place)', () => {
    const set = NodeSet.from([node('a'), node('b')], []);
    const first = scheduleBatch(set, pendingTasks(undefined, 1), { now });
    const second = scheduleBatch(set, pendingTasks(undefined, 1), { now });
    expect(first.assigned[0].nodeId).not.toBe(second.assigned[0].nodeId);
    // Replaying the committed event changes nothing (idempotent by task id).
    set.setTask(first.assigned[0]);
    expect(set.get(first.assigned[0].nodeId)!.taskCount).toBe(1);
  });

  it('places a large batch evenly over many nodes and zones', () => {
    const nodes = Array.from({ length: 500 }, (_, i) => node(`n${i}`, { labels: { zone: `z${i % 5}` } }));
    const svc = service('big', {
      task: { container: { image: 'x' }, placement: { preferences: [{ spread: 'node.labels.zone' }] } },
    });
    const tasks = pendingTasks(svc, 5000);
    const r = scheduleBatch(NodeSet.from(nodes, []), tasks, { now });
    expect(r.assigned).toHaveLength(5000);
    expect(new Set(Object.values(perNode(r.assigned)))).toEqual(new Set([10]));
  });
});
