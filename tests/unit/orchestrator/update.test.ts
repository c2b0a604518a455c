// The rolling updater as a pure plan: what one pass stops, starts and records for a
// service whose spec version moved past its tasks'.
import type { Service, Task } from '../../../manager/api-types';
import {
  DEFAULT_MONITOR_MS,
  Plan,
  planReplicated,
  planService,
  updatePolicyOf,
} from '../../../manager/orchestrator';
import { ctx, lookup, node, service, T0, task } from './fixtures';

const nodes = lookup([node('a'), node('b')]);
const NOW = T0 + 100_000;
const STARTED = NOW - 10_000;

/** A 4-replica service at v1 with running tasks, then updated to v2 (image app:2). */
function updating(
  update: Record<string, unknown> | null,
  replicas = 4,
): { v1: Service; v2: Service; old: Task[] } {
  const v1 = service('web', {
    replicated: { replicas },
    task: { container: { image: 'app:1' } },
    ...(update ? { update } : {}),
  });
  const old = Array.from({ length: replicas }, (_, i) =>
    task(v1, { slot: i + 1, nodeId: i % 2 ? 'b' : 'a', at: T0 + i }),
  );
  const v2: Service = {
    ...v1,
    spec: {
      ...v1.spec!,
      task: { ...v1.spec!.task!, container: { ...v1.spec!.task!.container!, image: 'app:2' } },
    },
    previousSpec: v1.spec,
    specVersion: 2,
    updateStatus: { state: 'UPDATING', startedAt: STARTED, completedAt: 0, message: 'update in progress' },
  };
  return { v1, v2, old };
}

/** Slots whose old (v1) task this plan stops. */
const stopped = (p: Plan) =>
  p.updates.filter((u) => u.desiredState === 'SHUTDOWN' && Number(u.specVersion) === 1).map((u) => u.slot);
const created = (p: Plan) => p.creates.map((t) => t.slot).sort();
const fresh = (svc: Service, slot: number, state: string, at = STARTED + 1000) =>
  task(svc, { slot, nodeId: 'a', state, at });
const asShutDown = (t: Task): Task => ({ ...t, desiredState: 'SHUTDOWN' });

describe('rolling update plan', () => {
  it('defaults to one slot at a time, stop-first, pause on failure', () => {
    const { v2, old } = updating(null);
    expect(updatePolicyOf(v2)).toMatchObject({
      parallelism: 1,
      delayMs: 0,
      order: 'STOP_FIRST',
      failureAction: 'PAUSE',
      monitorMs: DEFAULT_MONITOR_MS,
    });
    const p = planReplicated(v2, old, nodes, ctx());
    expect(stopped(p)).toEqual([1]);
    expect(created(p)).toEqual([1]);
    expect(p.creates[0]).toMatchObject({ specVersion: 2, spec: { container: { image: 'app:2' } } });
  });

  it('parallelism 2, stop-first: never more than 2 slots down at once', () => {
    const { v2, old } = updating({ parallelism: 2 });
    const p1 = planReplicated(v2, old, nodes, ctx());
    expect(stopped(p1)).toEqual([1, 2]);
    expect(created(p1)).toEqual([1, 2]);

    // Both replacements still starting: nothing more goes down.
    const during = [
      asShutDown(old[0]),
      asShutDown(old[1]),
      old[2],
      old[3],
      fresh(v2, 1, 'STARTING'),
      fresh(v2, 2, 'ASSIGNED'),
    ];
    const p2 = planReplicated(v2, during, nodes, ctx());
    expect(stopped(p2)).toEqual([]);
    expect(p2.creates).toEqual([]);

    // One of them runs: exactly one more slot is taken down.
    const oneUp = [...during.slice(0, 4), fresh(v2, 1, 'RUNNING'), fresh(v2, 2, 'STARTING')];
    const p3 = planReplicated(v2, oneUp, nodes, ctx());
    expect(stopped(p3)).toEqual([3]);
    expect(created(p3)).toEqual([3]);
  });

  it('parallelism 0 replaces every slot at once', () => {
    const { v2, old } = updating({ parallelism: 0 });
    expect(created(planReplicated(v2, old, nodes, ctx()))).toEqual([1, 2, 3, 4]);
  });

  it('start-first keeps the old task until the new one runs', () => {
    const { v2, old } = updating({ parallelism: 1, order: 'START_FIRST' }, 2);
    const p1 = planReplicated(v2, old, nodes, ctx());
    expect(created(p1)).toEqual([1]);
    expect(stopped(p1)).toEqual([]);

    const starting = [...old, fresh(v2, 1, 'STARTING')];
    const p2 = planReplicated(v2, starting, nodes, ctx());
    expect(p2.updates.filter((u) => u.desiredState !== 'RUNNING')).toEqual([]);
    expect(p2.creates).toEqual([]);

    const running = [...old, fresh(v2, 1, 'RUNNING')];
    const p3 = planReplicated(v2, running, nodes, ctx());
    expect(p3.updates.find((u) => u.id === old[0].id)?.desiredState).toBe('SHUTDOWN');
    // Slot 1 is done; slot 2 is next, its old task kept too.
    expect(created(p3)).toEqual([2]);
    expect(p3.updates.find((u) => u.id === old[1].id)?.desiredState ?? 'RUNNING').toBe('RUNNING');
  });

  it('pauses on a failed new task and replaces nothing more', () => {
    const { v2, old } = updating({ parallelism: 1 });
    const failedTask = fresh(v2, 1, 'FAILED');
    const p = planReplicated(v2, [asShutDown(old[0]), old[1], old[2], old[3], failedTask], nodes, ctx());
    expect(p.guard?.updateStatus).toMatchObject({
      state: 'PAUSED',
      message: `update paused due to failure or early termination of task ${failedTask.id} (failed)`,
    });
    expect(stopped(p)).toEqual([]);
    // Outdated slots 2-4 are untouched; slot 1 may restart per its restart policy.
    expect(created(p).filter((s) => s !== 1)).toEqual([]);

    const paused = { ...v2, updateStatus: { ...v2.updateStatus!, state: 'PAUSED' as const } };
    const later = planReplicated(
      paused,
      [asShutDown(old[0]), old[1], old[2], old[3], failedTask],
      nodes,
      ctx(),
    );
    expect(stopped(later)).toEqual([]);
  });

  it('failure action continue goes on despite failures', () => {
    // Parallelism 2: slot 1 (being refilled after its failure) takes one, slot 2 the other.
    const { v2, old } = updating({ parallelism: 2, failureAction: 'CONTINUE' });
    const p = planReplicated(
      v2,
      [asShutDown(old[0]), old[1], old[2], old[3], fresh(v2, 1, 'FAILED')],
      nodes,
      ctx(),
    );
    expect(p.guard?.updateStatus?.state ?? 'UPDATING').toBe('UPDATING');
    expect(stopped(p)).toEqual([2]);
  });

  it('failure action rollback restores the previous spec under a new version', () => {
    const { v1, v2, old } = updating({ parallelism: 1, failureAction: 'ROLLBACK' });
    const p = planReplicated(
      v2,
      [asShutDown(old[0]), old[1], old[2], old[3], fresh(v2, 1, 'FAILED')],
      nodes,
      ctx(),
    );
    expect(p.guard).toMatchObject({
      specVersion: 3,
      spec: { task: { container: { image: 'app:1' } } },
      previousSpec: { task: { container: { image: 'app:2' } } },
      updateStatus: { state: 'ROLLBACK_STARTED', startedAt: NOW },
    });
    expect(p.guard?.spec).toEqual(v1.spec);
  });

  it('completes once every slot runs the new spec for the monitor period', () => {
    const { v2 } = updating({ parallelism: 2, monitorNs: 2e9 });
    const all = [1, 2, 3, 4].map((s) => fresh(v2, s, 'RUNNING', NOW - 1000));
    const early = planReplicated(v2, all, nodes, ctx());
    expect(early.guard).toBeUndefined();
    expect(early.wakeAt).toBe(NOW + 1000);
    const done = planReplicated(v2, all, nodes, ctx({ now: NOW + 1000 }));
    expect(done.guard?.updateStatus).toMatchObject({ state: 'COMPLETED', completedAt: NOW + 1000 });
  });

  it('a rollback completes as rollback_completed', () => {
    const { v2 } = updating({ parallelism: 2 });
    const back = { ...v2, updateStatus: { ...v2.updateStatus!, state: 'ROLLBACK_STARTED' as const } };
    const all = [1, 2, 3, 4].map((s) => fresh(back, s, 'RUNNING', NOW - 10_000));
    expect(planReplicated(back, all, nodes, ctx()).guard?.updateStatus).toMatchObject({
      state: 'ROLLBACK_COMPLETED',
      message: 'rollback completed',
    });
  });

  it('the delay separates batches', () => {
    const { v2, old } = updating({ parallelism: 1, delayNs: 30e9 });
    const batch1 = [asShutDown(old[0]), old[1], old[2], old[3], fresh(v2, 1, 'RUNNING', NOW - 10_000)];
    const p = planReplicated(v2, batch1, nodes, ctx());
    expect(p.creates).toEqual([]);
    expect(p.wakeAt).toBe(NOW + 20_000);
    expect(created(planReplicated(v2, batch1, nodes, ctx({ now: NOW + 20_000 })))).toEqual([2]);
  });

  it('a finished service with no update does nothing', () => {
    const { v1, old } = updating(null);
    expect(planReplicated(v1, old, nodes, ctx())).toEqual({
      serviceId: 'web',
      creates: [],
      updates: [],
      deletes: [],
    });
  });
});

describe('rolling update of a global service', () => {
  it('replaces one node at a time by default, each new task on its node', () => {
    const g1 = service('g', { mode: 'global', global: {}, task: { container: { image: 'app:1' } } });
    const old = [task(g1, { nodeId: 'a', slot: 0 }), task(g1, { nodeId: 'b', slot: 0 })];
    const g2: Service = {
      ...g1,
      spec: {
        ...g1.spec!,
        task: { ...g1.spec!.task!, container: { ...g1.spec!.task!.container!, image: 'app:2' } },
      },
      previousSpec: g1.spec,
      specVersion: 2,
      updateStatus: { state: 'UPDATING', startedAt: STARTED, completedAt: 0, message: '' },
    };
    const p = planService('g', g2, old, nodes, ctx());
    expect(p.creates.map((t) => [t.nodeId, t.specVersion])).toEqual([['a', 2]]);
    expect(p.updates.find((u) => u.id === old[0].id)?.desiredState).toBe('SHUTDOWN');
    expect(p.updates.find((u) => u.id === old[1].id)).toBeUndefined();
  });
});

describe('what the updater replaces', () => {
  it('a rollback leaves tasks that already run the restored spec alone', () => {
    const { v1, v2, old } = updating({ parallelism: 0 });
    // Paused after slot 1 went to v2; the rollback restores v1's spec as version 3.
    const v2Task = { ...fresh(v2, 1, 'RUNNING'), spec: v2.spec!.task };
    const back: Service = {
      ...v2,
      spec: v1.spec,
      previousSpec: v2.spec,
      specVersion: 3,
      updateStatus: { state: 'ROLLBACK_STARTED', startedAt: NOW - 1, completedAt: 0, message: '' },
    };
    const p = planReplicated(back, [asShutDown(old[0]), old[1], old[2], old[3], v2Task], nodes, ctx());
    expect(created(p)).toEqual([1]);
    expect(stopped(p)).toEqual([]);
    expect(p.updates.find((u) => u.id === v2Task.id)?.desiredState).toBe('SHUTDOWN');
  });
});

describe('completion', () => {
  it('an empty slot (being refilled) keeps the update from completing', () => {
    const { v2 } = updating({ parallelism: 2 });
    const three = [1, 2, 3].map((s) => fresh(v2, s, 'RUNNING', NOW - 10_000));
    const failedHead = fresh(v2, 4, 'FAILED', NOW - 10_000);
    const p = planReplicated(
      { ...v2, updateStatus: { ...v2.updateStatus!, startedAt: NOW } },
      [...three, failedHead],
      nodes,
      ctx(),
    );
    expect(p.guard?.updateStatus?.state).not.toBe('COMPLETED');
  });
});
