import type { Plan } from '../../../manager/orchestrator';
import {
  completions,
  jobShape,
  planGlobal,
  planGlobalJob,
  planReplicatedJob,
} from '../../../manager/orchestrator';
import { ctx, lookup, node, service, T0, task } from './fixtures';

const desired = (p: Plan, id: string) => p.updates.find((u) => u.id === id)?.desiredState;
const global = (constraints: string[] = []) =>
  service('g', {
    mode: 'global',
    global: {},
    task: { container: { image: 'x' }, placement: { constraints } },
  });

describe('global orchestrator plan', () => {
  it('one task per ready, active node, with the node preset', () => {
    const svc = global();
    const view = lookup([
      node('a'),
      node('b'),
      node('p', { availability: 'PAUSE' }),
      node('u', { state: 'UNKNOWN' }),
    ]);
    const p = planGlobal(svc, [], view, ctx());
    expect(p.creates.map((t) => [t.nodeId, t.slot, t.annotations!.name])).toEqual([
      ['a', 0, `g.a.${p.creates[0].id}`],
      ['b', 0, `g.b.${p.creates[1].id}`],
    ]);
  });

  it('follows a node joining: only the new node gets a task', () => {
    const svc = global();
    const tasks = [task(svc, { nodeId: 'a', slot: 0 })];
    const p = planGlobal(svc, tasks, lookup([node('a'), node('new')]), ctx());
    expect(p.creates.map((t) => t.nodeId)).toEqual(['new']);
    expect(p.guard).toBe(svc);
  });

  it.each([
    ['drained', node('a', { availability: 'DRAIN' })],
    ['down', node('a', { state: 'DOWN' })],
    ['relabelled out of the constraints', node('a', { labels: { role: 'db' } })],
  ])('stops the task on a node that is %s, and starts none there', (_w, a) => {
    const svc = global(['node.labels.role!=db']);
    const t = task(svc, { nodeId: 'a', slot: 0 });
    const p = planGlobal(svc, [t], lookup([a]), ctx());
    expect(desired(p, t.id)).toBe('SHUTDOWN');
    expect(p.creates).toEqual([]);
  });

  it('a paused node keeps its task', () => {
    const svc = global();
    const t = task(svc, { nodeId: 'a', slot: 0 });
    expect(planGlobal(svc, [t], lookup([node('a', { availability: 'PAUSE' })]), ctx()).updates).toEqual([]);
  });

  it('a node that left the cluster: its task is stopped, then deleted once dead', () => {
    const svc = global();
    const t = task(svc, { nodeId: 'gone', slot: 0 });
    expect(desired(planGlobal(svc, [t], lookup([]), ctx()), t.id)).toBe('SHUTDOWN');
  });

  it('restarts a failed task on the same node, after the delay', () => {
    const svc = global();
    const failed = task(svc, { nodeId: 'a', slot: 0, state: 'FAILED', at: T0 });
    const p = planGlobal(svc, [failed], lookup([node('a')]), ctx({ now: T0 + 1000 }));
    expect(p.creates).toEqual([]);
    expect(p.wakeAt).toBe(T0 + 5000);
    const later = planGlobal(svc, [failed], lookup([node('a')]), ctx({ now: T0 + 5000 }));
    expect(later.creates.map((t) => t.nodeId)).toEqual(['a']);
  });
});

describe('replicated job plan', () => {
  const job = (mc: number, tc: number, extra: Record<string, unknown> = {}) =>
    service(
      'j',
      { mode: 'replicatedJob', replicatedJob: { maxConcurrent: mc, totalCompletions: tc } },
      extra,
    );

  it('defaults like docker: completions <-> concurrency, else one', () => {
    expect(jobShape(job(0, 0))).toEqual({ total: 1, concurrent: 1 });
    expect(jobShape(job(3, 0))).toEqual({ total: 3, concurrent: 3 });
    expect(jobShape(job(0, 5))).toEqual({ total: 5, concurrent: 5 });
    expect(jobShape(job(2, 5))).toEqual({ total: 5, concurrent: 2 });
  });

  it('starts at most max_concurrent tasks, desired COMPLETE', () => {
    const p = planReplicatedJob(job(2, 5), [], lookup([node('a')]), ctx());
    expect(p.creates.map((t) => [t.slot, t.desiredState])).toEqual([
      [1, 'COMPLETE'],
      [2, 'COMPLETE'],
    ]);
  });

  it('as tasks complete, starts the next slots until total completions', () => {
    const svc = job(2, 3);
    const done1 = task(svc, { slot: 1, nodeId: 'a', state: 'COMPLETE' });
    const run2 = task(svc, { slot: 2, nodeId: 'a', state: 'RUNNING' });
    const p = planReplicatedJob(svc, [done1, run2], lookup([node('a')]), ctx());
    expect(p.creates.map((t) => t.slot)).toEqual([3]);
    expect(p.updates).toEqual([]); // a completed job task is left as it is
    const all = [done1, { ...run2, status: { ...run2.status!, state: 'COMPLETE' as const } }];
    const done3 = task(svc, { slot: 3, nodeId: 'a', state: 'COMPLETE' });
    const finished = planReplicatedJob(svc, [...all, done3], lookup([node('a')]), ctx());
    expect(finished.creates).toEqual([]);
    expect(completions(svc, [...all, done3])).toBe(3);
  });

  it('restarts a failed task (on-failure) but counts it against concurrency', () => {
    const svc = job(1, 2, {});
    const failed = task(svc, { slot: 1, nodeId: 'a', state: 'FAILED', at: T0 });
    const p = planReplicatedJob(svc, [failed], lookup([node('a')]), ctx({ now: T0 + 60_000 }));
    expect(p.creates.map((t) => t.slot)).toEqual([1]);
  });

  it('a new iteration stops the old run and starts over', () => {
    const svc = job(1, 1);
    const old = task(svc, { slot: 1, nodeId: 'a', state: 'RUNNING' });
    const next = { ...svc, jobIteration: svc.jobIteration + 1, specVersion: 2 };
    const p = planReplicatedJob(next, [old], lookup([node('a')]), ctx());
    expect(desired(p, old.id)).toBe('SHUTDOWN');
    expect(p.creates.map((t) => [t.slot, t.jobIteration])).toEqual([[1, next.jobIteration]]);
  });
});

describe('global job plan', () => {
  it('runs once per suitable node, including nodes that join later, never again on success', () => {
    const svc = service('gj', { mode: 'globalJob', globalJob: {} });
    const done = task(svc, { nodeId: 'a', slot: 0, state: 'COMPLETE' });
    const p = planGlobalJob(svc, [done], lookup([node('a'), node('b')]), ctx());
    expect(p.creates.map((t) => [t.nodeId, t.desiredState])).toEqual([['b', 'COMPLETE']]);
    expect(p.updates).toEqual([]);
  });
});
