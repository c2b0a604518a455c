import type { Service, Task } from '../../../manager/api-types';
import { planReplicated, planService, Plan } from '../../../manager/orchestrator';
import { ctx, lookup, node, service, T0, task } from './fixtures';

const nodes = lookup([node('a'), node('b'), node('c')]);
const withReplicas = (n: number, extra: Record<string, unknown> = {}) =>
  service('web', { replicated: { replicas: n }, ...extra });
const slots = (ts: Task[]) => ts.map((t) => t.slot).sort((x, y) => x - y);
const desired = (p: Plan, id: string) => p.updates.find((u) => u.id === id)?.desiredState;

describe('replicated orchestrator plan', () => {
  it('creates slots 1..N for a new service, guarded by the service version', () => {
    const svc = withReplicas(3);
    const p = planReplicated(svc, [], nodes, ctx());
    expect(slots(p.creates)).toEqual([1, 2, 3]);
    expect(p.creates[0]).toMatchObject({
      serviceId: 'web',
      specVersion: 1,
      desiredState: 'RUNNING',
      nodeId: '',
      annotations: { name: `web.1.${p.creates[0].id}` },
      status: { state: 'PENDING', message: 'created' },
    });
    expect(p.guard).toBe(svc);
    expect(p.updates).toEqual([]);
  });

  it('is idempotent: nothing to do when every slot has a live task', () => {
    const svc = withReplicas(2);
    const tasks = [task(svc, { slot: 1, nodeId: 'a' }), task(svc, { slot: 2, nodeId: 'b' })];
    const p = planReplicated(svc, tasks, nodes, ctx());
    expect(p).toEqual({ serviceId: 'web', creates: [], updates: [], deletes: [] });
  });

  it('scales up into the missing slots only', () => {
    const svc = withReplicas(4);
    const tasks = [task(svc, { slot: 1, nodeId: 'a' }), task(svc, { slot: 2, nodeId: 'b' })];
    expect(slots(planReplicated(svc, tasks, nodes, ctx()).creates)).toEqual([3, 4]);
  });

  it('scales down by retiring the highest slots (desired REMOVE), leaving no gaps', () => {
    const svc = withReplicas(2);
    const tasks = [1, 2, 3, 4].map((slot) => task(svc, { slot, nodeId: 'a' }));
    const p = planReplicated(svc, tasks, nodes, ctx());
    expect(p.creates).toEqual([]);
    expect(p.updates.map((u) => [u.slot, u.desiredState])).toEqual([
      [3, 'REMOVE'],
      [4, 'REMOVE'],
    ]);
  });

  it('deletes retired slots once their tasks stopped', () => {
    const svc = withReplicas(1);
    const stopped = task(svc, { slot: 2, nodeId: 'a', desired: 'REMOVE', state: 'SHUTDOWN' });
    const p = planReplicated(svc, [task(svc, { slot: 1, nodeId: 'a' }), stopped], nodes, ctx());
    expect(p.deletes).toEqual([{ id: stopped.id, version: stopped.meta!.version }]);
  });

  it('of two live tasks in one slot keeps the running one, on the less loaded node', () => {
    const svc = withReplicas(2);
    const busy = [task(svc, { slot: 2, nodeId: 'a' })];
    const dupA = task(svc, { slot: 1, nodeId: 'a' });
    const dupB = task(svc, { slot: 1, nodeId: 'b' });
    const p = planReplicated(svc, [...busy, dupA, dupB], nodes, ctx());
    expect(desired(p, dupA.id)).toBe('SHUTDOWN');
    expect(desired(p, dupB.id)).toBeUndefined();
    const starting = task(svc, { slot: 1, nodeId: 'c', state: 'ASSIGNED' });
    const p2 = planReplicated(svc, [...busy, starting, dupA], nodes, ctx());
    expect(desired(p2, starting.id)).toBe('SHUTDOWN');
  });

  it.each([
    ['down', node('a', { state: 'DOWN' })],
    ['drained', node('a', { availability: 'DRAIN' })],
    ['gone', undefined],
  ])('replaces a task whose node is %s, in the same slot, without delay', (_what, a) => {
    const svc = withReplicas(2);
    const tasks = [task(svc, { slot: 1, nodeId: 'a' }), task(svc, { slot: 2, nodeId: 'b' })];
    const view = lookup([...(a ? [a] : []), node('b')]);
    const p = planReplicated(svc, tasks, view, ctx());
    expect(desired(p, tasks[0].id)).toBe('SHUTDOWN');
    expect(p.creates.map((t) => [t.slot, t.nodeId])).toEqual([[1, '']]);
    expect(p.guard).toBeUndefined(); // the old task's update guards the create
  });

  it('leaves tasks on paused or disconnected nodes alone', () => {
    const svc = withReplicas(2);
    const tasks = [task(svc, { slot: 1, nodeId: 'a' }), task(svc, { slot: 2, nodeId: 'b' })];
    const view = lookup([node('a', { availability: 'PAUSE' }), node('b', { state: 'DISCONNECTED' })]);
    expect(planReplicated(svc, tasks, view, ctx()).updates).toEqual([]);
  });

  it('moves tasks off nodes that lost a label the constraints need (node or service change)', () => {
    const spec = { task: { container: { image: 'x' }, placement: { constraints: ['node.labels.zone==a'] } } };
    const svc = withReplicas(1, spec);
    const t = task(svc, { slot: 1, nodeId: 'a' });
    const labelled = lookup([node('a', { labels: { zone: 'a' } })]);
    expect(planReplicated(svc, [t], labelled, ctx()).updates).toEqual([]);
    const relabelled = lookup([node('a', { labels: { zone: 'b' } })]);
    expect(desired(planReplicated(svc, [t], relabelled, ctx()), t.id)).toBe('SHUTDOWN');
    // The service's constraints changed (the task still carries the old spec).
    const plain = withReplicas(1);
    const old = task(plain, { slot: 1, nodeId: 'a' });
    expect(
      desired(planReplicated({ ...svc, specVersion: 2 }, [old], lookup([node('a')]), ctx()), old.id),
    ).toBe('SHUTDOWN');
  });

  it('tasks of a deleted service are told to go, and deleted once stopped', () => {
    const svc = withReplicas(2);
    const live = task(svc, { slot: 1, nodeId: 'a' });
    const dead = task(svc, { slot: 2, nodeId: 'a', state: 'SHUTDOWN', desired: 'SHUTDOWN' });
    const p = planService('web', undefined, [live, dead], nodes, ctx());
    expect(desired(p, live.id)).toBe('REMOVE');
    expect(p.deletes.map((d) => d.id)).toEqual([dead.id]);
    expect(p.creates).toEqual([]);
  });

  it('a pending_delete service is deleted with its last task', () => {
    const svc: Service = { ...withReplicas(2), pendingDelete: true };
    expect(planService('web', svc, [], nodes, ctx()).deleteService).toEqual({ id: 'web', version: 10 });
  });

  it('two plans from one snapshot touch a common object for every slot they fill', () => {
    const svc = withReplicas(2);
    const failed = task(svc, { slot: 1, nodeId: 'a', state: 'FAILED', at: T0 });
    const c = ctx({ now: T0 + 3_600_000 });
    const p = planReplicated(svc, [failed], nodes, c);
    // Slot 1 (has history): the failed task is updated; slot 2 (empty): the service.
    expect(p.creates.map((t) => t.slot).sort()).toEqual([1, 2]);
    expect(p.updates.map((u) => u.id)).toEqual([failed.id]);
    expect(p.updates[0].meta!.version).toBe(failed.meta!.version);
    expect(p.guard?.meta?.version).toBe(10);
  });
});
