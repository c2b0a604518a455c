import { Orchestrator } from '../../../manager/orchestrator';
import { Scheduler } from '../../../manager/scheduler';
import { MemoryStore, ProposingStore } from '../../../manager/store';
import { T0 } from './fixtures';

function cluster() {
  const local = new MemoryStore();
  const store = new ProposingStore(local, async (data) => local.apply(data), { clock: () => T0 });
  let n = 0;
  const ids = () => `id${++n}`;
  return { local, store, ids };
}

async function addNodes(store: ProposingStore, ids: string[]) {
  await store.update((tx) => {
    for (const id of ids)
      tx.nodes.create({
        id,
        role: 'worker',
        status: { state: 'READY' },
        description: { hostname: id, resources: { nanoCpus: 4e9, memoryBytes: 8e9 } },
      });
  });
}

describe('Orchestrator and Scheduler drivers over a store', () => {
  it('a service becomes N assigned tasks, spread over the nodes', async () => {
    const { local, store, ids } = cluster();
    await addNodes(store, ['a', 'b']);
    const orch = new Orchestrator(store, { clock: () => T0, newId: ids, initialState: 'PENDING' });
    const sched = new Scheduler(store, { clock: () => T0 });
    orch.start();
    sched.start();
    await store.update((tx) =>
      tx.services.create({
        id: 'web',
        specVersion: 1,
        spec: {
          annotations: { name: 'web' },
          task: { container: { image: 'x' } },
          replicated: { replicas: 4 },
        },
      }),
    );
    for (let i = 0; i < 5; i++) await Promise.all([orch.idle(), sched.idle()]);
    const tasks = local.tasksByService('web');
    expect(tasks.map((t) => t.slot).sort()).toEqual([1, 2, 3, 4]);
    expect(tasks.every((t) => t.status!.state === 'ASSIGNED')).toBe(true);
    expect(tasks.filter((t) => t.nodeId === 'a')).toHaveLength(2);
    orch.stop();
    sched.stop();
  });

  it('two orchestrators planning from one snapshot (leader change mid-plan): the second write fails, no duplicate slots', async () => {
    const { local, store, ids } = cluster();
    await addNodes(store, ['a']);
    await store.update((tx) =>
      tx.services.create({
        id: 'web',
        specVersion: 1,
        spec: {
          annotations: { name: 'web' },
          task: { container: { image: 'x' } },
          replicated: { replicas: 3 },
        },
      }),
    );
    const old = new Orchestrator(store, { clock: () => T0, newId: ids });
    const fresh = new Orchestrator(store, { clock: () => T0, newId: ids });
    const stale = old.plan('web');
    const current = fresh.plan('web');
    expect(await fresh.write(current)).toBe(true);
    expect(await old.write(stale)).toBe(false);
    expect(
      local
        .tasksByService('web')
        .map((t) => t.slot)
        .sort(),
    ).toEqual([1, 2, 3]);

    // Same for a restart: both plans see slot 2 failed; only one replacement lands.
    const t2 = local.tasksByService('web').find((t) => t.slot === 2)!;
    await store.update((tx) =>
      tx.tasks.update({ ...t2, status: { ...t2.status!, state: 'FAILED', timestamp: T0 - 60_000 } }),
    );
    const a = old.plan('web');
    const b = fresh.plan('web');
    expect(a.creates).toHaveLength(1);
    expect(await old.write(a)).toBe(true);
    expect(await fresh.write(b)).toBe(false);
    const live = local.tasksByService('web').filter((t) => t.desiredState === 'RUNNING');
    expect(live.map((t) => t.slot).sort()).toEqual([1, 2, 3]);
    expect(fresh.plan('web').creates).toEqual([]); // recomputed: nothing left to do
  });
});
