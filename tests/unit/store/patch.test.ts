// Updates travel as the top-level fields that changed ('patch' actions).
import { decodeTransaction, MemoryStore, Transaction, encodeTransaction } from '../../../manager/store';
import { replicatedStores, serviceInput } from './helpers';

test('an update of a few fields is proposed as a patch, and every replica ends equal', async () => {
  const { replicas, stores, log } = replicatedStores(2);
  const svc = await stores[0].update((tx) => tx.services.create(serviceInput('web')));
  await stores[0].update((tx) => tx.tasks.create({ id: 't1', serviceId: svc.id, slot: 1, nodeId: '' }));
  await stores[0].update((tx) =>
    tx.tasks.update({ ...tx.tasks.peek('t1')!, nodeId: 'n1', status: { state: 'ASSIGNED' } }),
  );
  const tx = decodeTransaction(log[log.length - 1]);
  expect(tx.actions).toHaveLength(1);
  const action = tx.actions[0];
  expect(action.op).toBe('patch');
  expect(Object.keys((action as { set: object }).set).sort()).toEqual(['nodeId', 'status']);
  const t = replicas[1].get('tasks', 't1')!;
  expect(t.nodeId).toBe('n1');
  expect(t.status?.state).toBe('ASSIGNED');
  expect(t.serviceId).toBe(svc.id); // unchanged fields come from the stored task
  expect(Buffer.from(replicas[0].snapshot()).equals(Buffer.from(replicas[1].snapshot()))).toBe(true);
  replicas[1].checkIndexes();
});

test('a copy from get (nothing shared) still writes the same result', async () => {
  const { replicas, stores } = replicatedStores(2);
  await stores[0].update((tx) => tx.nodes.create({ id: 'n1', description: { hostname: 'a' } }));
  await stores[0].update((tx) => {
    const n = tx.nodes.get('n1')!;
    n.description!.hostname = 'b';
    tx.nodes.update(n);
  });
  expect(replicas[1].get('nodes', 'n1')!.description!.hostname).toBe('b');
  expect(replicas[1].nodesByHostname('b')).toHaveLength(1);
  expect(replicas[1].nodesByHostname('a')).toHaveLength(0);
});

test('a patch applies only at its version, and bad patches are refused naming the field', () => {
  const store = new MemoryStore();
  const apply = (actions: unknown[], index: number) =>
    store.apply(encodeTransaction({ v: 1, ts: 5, actions } as unknown as Transaction), index);
  expect(apply([{ op: 'create', table: 'nodes', object: { id: 'n1', role: 'worker' } }], 1).ok).toBe(true);
  const stale = apply([{ op: 'patch', table: 'nodes', id: 'n1', version: 7, set: { role: 'manager' } }], 2);
  expect(stale).toMatchObject({ ok: false, error: { code: 'version-conflict' } });
  const ok = apply([{ op: 'patch', table: 'nodes', id: 'n1', version: 1, set: { role: 'manager' } }], 3);
  expect(ok.ok).toBe(true);
  expect(store.get('nodes', 'n1')).toMatchObject({ role: 'manager', meta: { version: 3, createdAt: 5 } });
  expect(store.byIndex('nodes', 'role', 'manager')).toHaveLength(1);
  const bad = (a: unknown) => {
    const r = apply([a], 9);
    return r.ok ? 'ok' : r.error.message;
  };
  expect(bad({ op: 'patch', table: 'nodes', id: 'n1', version: 3, set: { meta: null } })).toMatch(
    /actions\[0\]\.set: cannot change id or meta/,
  );
  expect(bad({ op: 'patch', table: 'nodes', id: 'n1', version: 3, set: [] })).toMatch(/actions\[0\]\.set/);
  expect(bad({ op: 'patch', table: 'nodes', id: 'n1', set: {} })).toMatch(/actions\[0\]\.version/);
  expect(bad({ op: 'patch', table: 'nodes', id: 'nope', version: 1, set: {} })).toMatch(/not found/);
});
