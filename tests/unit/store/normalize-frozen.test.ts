// Writes keep the frozen (already normalized) parts of stored objects instead of
// converting them again; everything else is normalized as before.
import { MemoryStore, normalize, TxBuilder } from '../../../manager/store';
import type { Task } from '../../../manager/api-types';
import { replicatedStores, serviceInput } from './helpers';

test('a frozen part is kept as is; a plain part is converted and defaulted', () => {
  const spec = Object.freeze(normalize<Task>('tasks', { spec: { container: { image: 'a' } } }).spec!);
  const t = normalize<Task>('tasks', { id: 't', spec, status: { state: 'RUNNING' } });
  expect(t.spec).toBe(spec);
  expect(t.status).toEqual(expect.objectContaining({ state: 'RUNNING', message: '', err: '' }));
  // The same result as converting a plain copy.
  const plain = normalize<Task>(
    'tasks',
    JSON.parse(JSON.stringify({ id: 't', spec, status: { state: 'RUNNING' } })),
  );
  expect(JSON.stringify(t)).toBe(JSON.stringify(plain));
});

test('a frozen value of the wrong shape for its field is converted as before, not kept', () => {
  for (const [field, value] of [
    ['spec', ['x']],
    ['networks', { a: 1 }],
  ] as const) {
    const outcome = (v: unknown) => {
      try {
        return normalize<Record<string, unknown>>('tasks', { id: 't', [field]: v });
      } catch (err) {
        return (err as Error).message;
      }
    };
    const frozen = outcome(Object.freeze(value));
    expect(frozen).toEqual(outcome(value));
    if (typeof frozen !== 'string') expect(frozen[field]).not.toBe(value);
  }
});

test('peek returns the stored or pending object without a copy; create/update return frozen objects', async () => {
  const { stores } = replicatedStores(1);
  const store = stores[0];
  const svc = await store.update((tx) => tx.services.create(serviceInput('web')));
  expect(Object.isFrozen(svc)).toBe(true);
  const tx = new TxBuilder(store.local);
  expect(tx.services.peek(svc.id)).toBe(store.local.get('services', svc.id));
  const created = tx.tasks.create({ id: 't1', serviceId: svc.id, slot: 1, nodeId: '' });
  expect(tx.tasks.peek('t1')).toBe(created);
  expect(() => {
    (created as { nodeId: string }).nodeId = 'x';
  }).toThrow(TypeError);
  // get still hands out a copy that may be changed.
  const copy = tx.tasks.get('t1')!;
  copy.nodeId = 'n1';
  expect(tx.tasks.peek('t1')!.nodeId).toBe('');
  tx.tasks.delete('t1');
  expect(tx.tasks.peek('t1')).toBeUndefined();
});

test('tasks built from a stored spec share it, and replicas still agree byte for byte', async () => {
  const { replicas, stores } = replicatedStores(2);
  const svc = await stores[0].update((tx) => tx.services.create(serviceInput('web')));
  const stored = replicas[0].get('services', svc.id)!;
  await stores[0].update((tx) => {
    for (let i = 1; i <= 3; i++)
      tx.tasks.create({ serviceId: svc.id, slot: i, nodeId: '', spec: stored.spec!.task });
  });
  await stores[0].update((tx) => {
    for (const t of replicas[0].list('tasks')) tx.tasks.update({ ...tx.tasks.peek(t.id)!, nodeId: 'n1' });
  });
  const tasks = replicas[0].list('tasks');
  expect(tasks.every((t) => t.spec === stored.spec!.task)).toBe(true);
  expect(Buffer.from(replicas[0].snapshot()).equals(Buffer.from(replicas[1].snapshot()))).toBe(true);
  const fresh = new MemoryStore();
  fresh.restore(replicas[0].snapshot());
  expect(fresh.list('tasks').map((t) => t.nodeId)).toEqual(['n1', 'n1', 'n1']);
});
