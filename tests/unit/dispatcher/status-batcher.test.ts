// Agents' task states are written in shared transactions (group commit).
import { TaskStatusBatcher } from '../../../manager/dispatcher/status-batcher';
import type { TaskStatus } from '../../../manager/api-types';
import { replicatedStores, serviceInput } from '../store/helpers';

const running = (message = 'started') => ({ state: 'RUNNING', message }) as unknown as TaskStatus;

async function setup(tasks: Array<[string, string]>) {
  const { stores, log } = replicatedStores(1);
  const store = stores[0];
  const svc = await store.update((tx) => tx.services.create(serviceInput('web')));
  await store.update((tx) => {
    tasks.forEach(([id, nodeId], i) =>
      tx.tasks.create({ id, serviceId: svc.id, slot: i + 1, nodeId, status: { state: 'ASSIGNED' } }),
    );
  });
  return { store, log, batcher: new TaskStatusBatcher(store) };
}

test('reports from many nodes in the same turn go into one transaction', async () => {
  const { store, log, batcher } = await setup([
    ['t1', 'a'],
    ['t2', 'b'],
    ['t3', 'c'],
  ]);
  const before = log.length;
  await Promise.all([
    batcher.submit('a', [{ taskId: 't1', status: running() }]),
    batcher.submit('b', [{ taskId: 't2', status: running() }]),
    batcher.submit('c', [{ taskId: 't3', status: running() }]),
  ]);
  expect(log.length - before).toBe(1);
  for (const id of ['t1', 't2', 't3']) expect(store.local.get('tasks', id)!.status!.state).toBe('RUNNING');
});

test('reports arriving during a write wait for it and go together in the next one', async () => {
  const { store, log, batcher } = await setup([
    ['t1', 'a'],
    ['t2', 'b'],
    ['t3', 'c'],
  ]);
  const before = log.length;
  const first = batcher.submit('a', [{ taskId: 't1', status: running() }]);
  await new Promise((r) => setImmediate(r)); // the first write is now in flight
  const later = [
    batcher.submit('b', [{ taskId: 't2', status: running() }]),
    batcher.submit('c', [{ taskId: 't3', status: running() }]),
  ];
  await Promise.all([first, ...later]);
  expect(log.length - before).toBe(2);
  expect(store.local.get('tasks', 't3')!.status!.state).toBe('RUNNING');
});

test("a node cannot set the state of a task on another node; the task's own node can", async () => {
  const { store, batcher } = await setup([
    ['t1', 'a'],
    ['t2', 'b'],
  ]);
  await Promise.all([
    batcher.submit('b', [{ taskId: 't1', status: running('forged') }]),
    batcher.submit('a', [{ taskId: 't1', status: running('real') }]),
    batcher.submit('a', [{ taskId: 'gone', status: running() }]),
  ]);
  expect(store.local.get('tasks', 't1')!.status!.message).toBe('real');
  expect(store.local.get('tasks', 't2')!.status!.state).toBe('ASSIGNED');
});

test("one node's bad report fails only that node's call", async () => {
  const { store, batcher } = await setup([
    ['t1', 'a'],
    ['t2', 'b'],
  ]);
  const bad = { state: 'RUNNING', container: 'not a message' } as unknown as TaskStatus;
  const [a, b] = await Promise.allSettled([
    batcher.submit('a', [{ taskId: 't1', status: bad }]),
    batcher.submit('b', [{ taskId: 't2', status: running() }]),
  ]);
  expect(a.status).toBe('rejected');
  expect(b.status).toBe('fulfilled');
  expect(store.local.get('tasks', 't2')!.status!.state).toBe('RUNNING');
  expect(store.local.get('tasks', 't1')!.status!.state).toBe('ASSIGNED');
});

test('a batch never exceeds maxBatch reports (whole calls only)', async () => {
  const ids: Array<[string, string]> = Array.from({ length: 6 }, (_, i) => [`t${i}`, `n${i}`]);
  const { store, log } = await setup(ids);
  const batcher = new TaskStatusBatcher(store, { maxBatch: 2 });
  const before = log.length;
  await Promise.all(ids.map(([id, node]) => batcher.submit(node, [{ taskId: id, status: running() }])));
  expect(log.length - before).toBe(3);
});
