import {
  MemoryStore,
  StoreError,
  StoreEvent,
  TxBuilder,
  encodeTransaction,
  Transaction,
  KeyRing,
  generateDataKey,
} from '../../../manager/store';
import type { Service, Task } from '../../../manager/api-types';
import { replicatedStores, serviceInput } from './helpers';

const TS = 1_700_000_000_000;

function txBytes(actions: Transaction['actions'], ts = TS): Uint8Array {
  return encodeTransaction({ v: 1, ts, actions });
}

describe('MemoryStore transactions', () => {
  it('creates objects with versions and timestamps from the transaction, normalized to the proto shape', async () => {
    const { stores, replicas } = replicatedStores(1);
    const id = await stores[0].update((tx) => tx.services.create(serviceInput('web')).id);
    const svc = replicas[0].get('services', id)!;
    expect(svc.meta).toEqual({ version: 1, createdAt: TS, updatedAt: TS });
    expect(svc.spec!.mode).toBe('replicated');
    expect(svc.spec!.task!.container!.args).toEqual([]); // defaults filled
    expect(svc.spec!.endpoint).toBeNull();
    expect(Object.isFrozen(svc.spec)).toBe(true);
    expect(replicas[0].byName('services', 'web')!.id).toBe(id);
  });

  it('is all or nothing: a failing action leaves every table untouched', async () => {
    const { stores, replicas } = replicatedStores(1);
    await stores[0].update((tx) => tx.services.create(serviceInput('web', { id: 'svc1' })));
    const before = Buffer.from(replicas[0].snapshot()).toString();
    const version = replicas[0].version;

    const res = replicas[0].apply(
      txBytes([
        { op: 'create', table: 'networks', object: { id: 'net1', spec: { annotations: { name: 'n1' } } } },
        { op: 'create', table: 'services', object: { id: 'svc2', spec: { annotations: { name: 'web' } } } },
      ]),
    );
    expect(res).toMatchObject({ ok: false, error: { code: 'name-conflict', action: 1 } });
    expect(!res.ok && res.error.message).toBe('service name "web" is already in use by svc1');
    expect(Buffer.from(replicas[0].snapshot()).toString()).toBe(before);
    expect(replicas[0].version).toBe(version);
    expect(replicas[0].get('networks', 'net1')).toBeUndefined();
  });

  it('rejects an update made against an old version, naming both versions', async () => {
    const { stores, replicas } = replicatedStores(1);
    await stores[0].update((tx) => tx.services.create(serviceInput('web', { id: 'svc1' })));
    const stale = replicas[0].get('services', 'svc1')!;
    await stores[0].update((tx) => {
      const s = tx.services.get('svc1')!;
      s.spec!.replicated!.replicas = 5;
      tx.services.update(s);
    });
    const p = stores[0].update((tx) => {
      tx.services.update({ ...stale, spec: { ...stale.spec, replicated: { replicas: 9 } } });
    });
    await expect(p).rejects.toThrow(StoreError);
    await expect(p).rejects.toMatchObject({
      storeCode: 'version-conflict',
      code: 10,
      message: expect.stringMatching(/service svc1 is at version 2, the change was made against version 1/),
    });
    expect(replicas[0].get('services', 'svc1')!.spec!.replicated!.replicas).toBe(5);
  });

  it('a conflict detected at apply time (someone else got in first) is retried on fresh state', async () => {
    const { stores, replicas } = replicatedStores(2);
    await stores[0].update((tx) => tx.services.create(serviceInput('web', { id: 'svc1' })));
    // Both managers build against version 1; the first to apply wins, the second retries.
    let runs = 0;
    const bump = (tx: TxBuilder) => {
      runs++;
      const s = tx.services.get('svc1')!;
      s.spec!.replicated!.replicas += 1;
      tx.services.update(s);
    };
    const a = stores[0].update(bump, { retries: 2 });
    const b = stores[1].update(bump, { retries: 2 });
    await Promise.all([a, b]);
    expect(replicas[0].get('services', 'svc1')!.spec!.replicated!.replicas).toBe(4);
    expect(runs).toBe(3);
  });

  it('enforces unique names on create and rename, for services, networks, secrets and configs', async () => {
    const { stores } = replicatedStores(1);
    await stores[0].update((tx) => {
      tx.services.create(serviceInput('a', { id: 's1' }));
      tx.services.create(serviceInput('b', { id: 's2' }));
      tx.networks.create({ id: 'n1', spec: { annotations: { name: 'net' } } });
      tx.configs.create({ id: 'c1', spec: { annotations: { name: 'cfg' }, data: Buffer.from('x') } });
      tx.secrets.create({ id: 'x1', spec: { annotations: { name: 'sec' }, data: Buffer.from('pw') } });
    });
    await expect(stores[0].update((tx) => tx.services.create(serviceInput('a')))).rejects.toMatchObject({
      storeCode: 'name-conflict',
    });
    await expect(
      stores[0].update((tx) => {
        const s = tx.services.get('s2')!;
        s.spec!.annotations!.name = 'a';
        tx.services.update(s);
      }),
    ).rejects.toThrow('service name "a" is already in use by s1');
    for (const [table, name] of [
      ['networks', 'net'],
      ['configs', 'cfg'],
      ['secrets', 'sec'],
    ] as const) {
      await expect(
        stores[0].update((tx) =>
          tx[table].create({ spec: { annotations: { name }, data: Buffer.from('y') } }),
        ),
      ).rejects.toMatchObject({ storeCode: 'name-conflict' });
    }
    // Swapping two names within one transaction is fine: uniqueness holds after it.
    await stores[0].update((tx) => {
      const a = tx.services.get('s1')!;
      const b = tx.services.get('s2')!;
      a.spec!.annotations!.name = 'b';
      b.spec!.annotations!.name = 'a';
      tx.services.update(a);
      tx.services.update(b);
    });
  });

  it('keeps task indexes by service, node and slot', async () => {
    const { stores, replicas } = replicatedStores(1);
    const task = (id: string, serviceId: string, slot: number, nodeId: string) => ({
      id,
      serviceId,
      slot,
      nodeId,
    });
    await stores[0].update((tx) => {
      tx.tasks.create(task('t1', 'svcA', 1, 'n1'));
      tx.tasks.create(task('t2', 'svcA', 1, 'n2')); // an older task of the same slot
      tx.tasks.create(task('t3', 'svcA', 2, 'n1'));
      tx.tasks.create(task('t4', 'svcB', 1, ''));
    });
    const ids = (ts: Task[]) => ts.map((t) => t.id).sort();
    const r = replicas[0];
    expect(ids(r.tasksByService('svcA'))).toEqual(['t1', 't2', 't3']);
    expect(ids(r.tasksByNode('n1'))).toEqual(['t1', 't3']);
    expect(ids(r.tasksBySlot('svcA', 1))).toEqual(['t1', 't2']);
    expect(ids(r.tasksByNode(''))).toEqual([]);

    await stores[0].update((tx) => {
      const t = tx.tasks.get('t4')!;
      t.nodeId = 'n1';
      tx.tasks.update(t);
      tx.tasks.delete('t1');
    });
    expect(ids(r.tasksByNode('n1'))).toEqual(['t3', 't4']);
    expect(ids(r.tasksBySlot('svcA', 1))).toEqual(['t2']);
    r.checkIndexes();
  });

  it('indexes nodes by hostname without requiring uniqueness', async () => {
    const { stores, replicas } = replicatedStores(1);
    await stores[0].update((tx) => {
      tx.nodes.create({ id: 'n1', role: 'manager', description: { hostname: 'h' } });
      tx.nodes.create({ id: 'n2', role: 'worker', description: { hostname: 'h' } });
    });
    expect(replicas[0].nodesByHostname('h').map((n) => n.id)).toEqual(['n1', 'n2']);
    expect(replicas[0].byIndex('nodes', 'role', 'worker').map((n) => n.id)).toEqual(['n2']);
  });

  it('answers garbage and malformed actions with clear errors and no change', () => {
    const store = new MemoryStore();
    const bad = (bytes: Uint8Array) => {
      const r = store.apply(bytes);
      expect(r.ok).toBe(false);
      return !r.ok ? r.error.message : '';
    };
    expect(bad(Buffer.from('not json'))).toMatch(/^transaction: not valid JSON/);
    expect(bad(Buffer.from('{"v":2,"ts":1,"actions":[]}'))).toMatch(/format version 2 is not supported/);
    expect(bad(txBytes([{ op: 'create', table: 'widgets' as never, object: {} }]))).toMatch(
      /actions\[0\]\.table: unknown table "widgets"/,
    );
    expect(bad(txBytes([{ op: 'explode' as never, table: 'tasks', id: 'x' }]))).toMatch(/actions\[0\]\.op/);
    expect(bad(txBytes([{ op: 'create', table: 'tasks', object: { id: 'bad id!' } }]))).toMatch(
      /task.id: invalid id/,
    );
    expect(bad(txBytes([{ op: 'create', table: 'services', object: { id: 's', spec: {} } }]))).toMatch(
      /service s: spec.annotations.name is required/,
    );
    expect(bad(txBytes([{ op: 'delete', table: 'tasks', id: 'nope' }]))).toBe('task nope not found');
    expect(
      bad(
        txBytes([
          { op: 'create', table: 'tasks', object: { id: 't', serviceId: '', nodeId: '', slot: 0 } },
          { op: 'delete', table: 'tasks', id: 't' },
        ]),
      ),
    ).toBe('task t appears twice in one transaction');
    expect(store.version).toBe(0);
    expect(store.list('tasks')).toEqual([]);
  });

  it('the builder names the bad field when a shape is wrong', async () => {
    const { stores } = replicatedStores(1);
    await expect(
      stores[0].update((tx) => tx.services.create({ spec: { annotations: 'web' } })),
    ).rejects.toThrow(/^services: ServiceSpec.annotations: object expected/);
  });

  it('uses the raft index as the version when given, and stays monotonic', () => {
    const store = new MemoryStore();
    const create = (id: string) =>
      txBytes([{ op: 'create', table: 'tasks', object: { id, serviceId: '', nodeId: '', slot: 0 } }]);
    expect(store.apply(create('a'), 7)).toMatchObject({ ok: true, version: 7 });
    expect(store.get('tasks', 'a')!.meta!.version).toBe(7);
    expect(store.apply(create('b'), 3)).toMatchObject({ ok: true, version: 8 });
    expect(store.apply(new Uint8Array(0), 9)).toMatchObject({ ok: true, version: 8, events: [] });
  });
});

describe('MemoryStore watch', () => {
  it('delivers created/updated/deleted events after each transaction, filtered by table and kind', async () => {
    const { stores, replicas } = replicatedStores(1);
    const all: Array<[string, string, string]> = [];
    const serviceUpdates: StoreEvent[] = [];
    const unsubscribe = replicas[0].subscribe({}, (events) =>
      events.forEach((e) => all.push([e.kind, e.table, e.object.id])),
    );
    replicas[0].subscribe({ tables: ['services'], kinds: ['update'] }, (events) =>
      serviceUpdates.push(...events),
    );

    await stores[0].update((tx) => {
      tx.services.create(serviceInput('web', { id: 's1' }));
      tx.tasks.create({ id: 't1', serviceId: 's1', slot: 1 });
    });
    await stores[0].update((tx) => {
      const s = tx.services.get('s1')!;
      s.spec!.replicated!.replicas = 3;
      tx.services.update(s);
      tx.tasks.delete('t1');
    });
    expect(all).toEqual([
      ['create', 'services', 's1'],
      ['create', 'tasks', 't1'],
      ['update', 'services', 's1'],
      ['delete', 'tasks', 't1'],
    ]);
    expect(serviceUpdates).toHaveLength(1);
    const ev = serviceUpdates[0] as StoreEvent<'services'>;
    expect((ev.old as Service).spec!.replicated!.replicas).toBe(2);
    expect(ev.object.spec!.replicated!.replicas).toBe(3);

    unsubscribe();
    await stores[0].update((tx) => tx.networks.create({ spec: { annotations: { name: 'n' } } }));
    expect(all).toHaveLength(4);
  });

  it('failed transactions emit nothing; a throwing listener does not break apply', () => {
    const store = new MemoryStore();
    const errors: unknown[] = [];
    store.onListenerError = (e) => errors.push(e);
    let calls = 0;
    store.subscribe({}, () => {
      calls++;
      throw new Error('listener bug');
    });
    store.apply(txBytes([{ op: 'delete', table: 'tasks', id: 'x' }]));
    expect(calls).toBe(0);
    const ok = store.apply(
      txBytes([{ op: 'create', table: 'tasks', object: { id: 't', serviceId: '', nodeId: '', slot: 0 } }]),
    );
    expect(ok.ok).toBe(true);
    expect(calls).toBe(1);
    expect(errors).toHaveLength(1);
  });

  it('async watch yields events in order and ends on close', async () => {
    const store = new MemoryStore();
    const w = store.watch({ tables: ['tasks'] });
    store.apply(
      txBytes([{ op: 'create', table: 'tasks', object: { id: 'a', serviceId: '', nodeId: '', slot: 0 } }]),
    );
    store.apply(
      txBytes([{ op: 'create', table: 'tasks', object: { id: 'b', serviceId: '', nodeId: '', slot: 0 } }]),
    );
    const seen: string[] = [];
    for await (const e of w) {
      seen.push(e.object.id);
      if (seen.length === 2) w.close();
    }
    expect(seen).toEqual(['a', 'b']);
  });
});

describe('MemoryStore snapshots', () => {
  it('round-trips state, versions and indexes; restore rejects bad snapshots without changing state', async () => {
    const { stores, replicas } = replicatedStores(1, new KeyRing(generateDataKey()));
    await stores[0].update((tx) => {
      tx.services.create(serviceInput('web', { id: 's1' }));
      tx.tasks.create({ id: 't1', serviceId: 's1', slot: 1, nodeId: 'n1' });
      tx.configs.create({
        id: 'c1',
        spec: { annotations: { name: 'cfg' }, data: Buffer.from([0, 1, 2, 255]) },
      });
    });
    const snap = replicas[0].snapshot();
    const copy = new MemoryStore();
    copy.restore(snap);
    expect(Buffer.from(copy.snapshot()).equals(Buffer.from(snap))).toBe(true);
    expect(copy.version).toBe(replicas[0].version);
    expect(copy.tasksBySlot('s1', 1).map((t) => t.id)).toEqual(['t1']);
    expect(Buffer.isBuffer(copy.get('configs', 'c1')!.spec!.data)).toBe(true);
    expect([...copy.get('configs', 'c1')!.spec!.data]).toEqual([0, 1, 2, 255]);
    copy.checkIndexes();

    expect(() => copy.restore(Buffer.from('{"v":9}'))).toThrow(/snapshot: format version 9/);
    const dup = JSON.parse(Buffer.from(snap).toString());
    dup.tables.services.push({ ...dup.tables.services[0], id: 's2' });
    expect(() => copy.restore(Buffer.from(JSON.stringify(dup)))).toThrow(
      /snapshot: service name "web" is already in use/,
    );
    expect(Buffer.from(copy.snapshot()).equals(Buffer.from(snap))).toBe(true);
  });
});

describe('storeStateMachine', () => {
  it('applies raft entries with their index as the version and returns a slim result', async () => {
    const { storeStateMachine, MemoryStore: Store } = await import('../../../manager/store');
    const store = new Store();
    const sm = storeStateMachine(store);
    const data = txBytes([
      { op: 'create', table: 'tasks', object: { id: 't', serviceId: '', nodeId: '', slot: 0 } },
    ]);
    expect(sm.apply({ term: 1, index: 42, type: 0, data })).toEqual({ ok: true, version: 42 });
    const copy = new Store();
    storeStateMachine(copy).restore(sm.snapshot());
    expect(copy.get('tasks', 't')!.meta!.version).toBe(42);
  });
});
