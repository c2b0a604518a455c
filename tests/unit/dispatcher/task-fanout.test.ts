// One store subscription routes task changes to the Assignments stream of their node.
import { TaskChange, TaskFanout } from '../../../manager/dispatcher/task-fanout';
import { replicatedStores, serviceInput } from '../store/helpers';
import type { Task } from '../../../manager/api-types';

function setup() {
  const { stores } = replicatedStores(1);
  const store = stores[0];
  const fanout = new TaskFanout(store.local);
  const seen = new Map<string, Array<Array<[string, boolean]>>>();
  const listen = (node: string) =>
    fanout.listen(node, (changes: TaskChange[]) => {
      if (!seen.has(node)) seen.set(node, []);
      seen.get(node)!.push(changes.map((c) => [c.task.id, c.remove]));
    });
  return { store, fanout, seen, listen };
}

test("a node's listener gets its tasks' changes, once per transaction, in order", async () => {
  const { store, seen, listen } = setup();
  listen('a');
  listen('b');
  const svc = await store.update((tx) => tx.services.create(serviceInput('web')));
  await store.update((tx) => {
    tx.tasks.create({ id: 't1', serviceId: svc.id, slot: 1, nodeId: 'a' });
    tx.tasks.create({ id: 't2', serviceId: svc.id, slot: 2, nodeId: 'b' });
    tx.tasks.create({ id: 't3', serviceId: svc.id, slot: 3, nodeId: 'a' });
    tx.tasks.create({ id: 't4', serviceId: svc.id, slot: 4, nodeId: '' });
  });
  expect(seen.get('a')).toEqual([
    [
      ['t1', false],
      ['t3', false],
    ],
  ]);
  expect(seen.get('b')).toEqual([[['t2', false]]]);
});

test('a task moved from a to b is removed on a and appears on b; a delete is a remove', async () => {
  const { store, seen, listen } = setup();
  const svc = await store.update((tx) => tx.services.create(serviceInput('web')));
  await store.update((tx) => tx.tasks.create({ id: 't1', serviceId: svc.id, slot: 1, nodeId: 'a' }));
  listen('a');
  listen('b');
  await store.update((tx) => tx.tasks.update({ ...tx.tasks.get('t1')!, nodeId: 'b' }));
  expect(seen.get('a')).toEqual([[['t1', true]]]);
  expect(seen.get('b')).toEqual([[['t1', false]]]);
  await store.update((tx) => tx.tasks.delete('t1'));
  expect(seen.get('b')![1]).toEqual([['t1', true]]);
  expect(seen.get('a')).toHaveLength(1);
});

test('unsubscribing stops the changes; the store subscription goes with the last listener', async () => {
  const { store, fanout, seen, listen } = setup();
  const svc = await store.update((tx) => tx.services.create(serviceInput('web')));
  const stopA = listen('a');
  const stopA2 = fanout.listen('a', () => {});
  stopA();
  await store.update((tx) => tx.tasks.create({ id: 't1', serviceId: svc.id, slot: 1, nodeId: 'a' }));
  expect(seen.get('a')).toBeUndefined();
  stopA2();
  expect((fanout as unknown as { unsubscribe?: unknown }).unsubscribe).toBeUndefined();
  listen('a');
  await store.update((tx) => tx.tasks.update({ ...tx.tasks.get('t1')!, desiredState: 'SHUTDOWN' }));
  expect(seen.get('a')).toEqual([[['t1', false]]]);
});

test("one listener's exception does not keep the other nodes from their changes", async () => {
  const { store, fanout, seen, listen } = setup();
  const errors: unknown[] = [];
  store.local.onListenerError = (e) => errors.push(e);
  const svc = await store.update((tx) => tx.services.create(serviceInput('web')));
  fanout.listen('a', () => {
    throw new Error('stream gone');
  });
  listen('b');
  await store.update((tx) => {
    tx.tasks.create({ id: 't1', serviceId: svc.id, slot: 1, nodeId: 'a' });
    tx.tasks.create({ id: 't2', serviceId: svc.id, slot: 2, nodeId: 'b' });
  });
  expect(seen.get('b')).toEqual([[['t2', false]]]);
  expect(errors).toHaveLength(1);
});

test("the agent's own status coming back is not sent; manager-set states and other changes are", async () => {
  const { store, seen, listen } = setup();
  const svc = await store.update((tx) => tx.services.create(serviceInput('web')));
  await store.update((tx) =>
    tx.tasks.create({ id: 't1', serviceId: svc.id, slot: 1, nodeId: '', status: { state: 'PENDING' } }),
  );
  listen('a');
  const write = (change: (t: Task) => Task) =>
    store.update((tx) => tx.tasks.update(change(tx.tasks.peek('t1')!)));
  await write((t) => ({ ...t, nodeId: 'a', status: { ...t.status!, state: 'ASSIGNED' } }));
  await write((t) => ({ ...t, status: { ...t.status!, state: 'ASSIGNED', message: 'again' } }));
  await write((t) => ({ ...t, status: { ...t.status!, state: 'RUNNING' } })); // the agent's report
  expect(seen.get('a')).toHaveLength(2);
  await write((t) => ({ ...t, desiredState: 'SHUTDOWN', status: { ...t.status!, message: 'x' } }));
  expect(seen.get('a')).toHaveLength(3);
  // A full copy (nothing shared) is sent: the check never guesses.
  await store.update((tx) => tx.tasks.update({ ...tx.tasks.get('t1')!, status: { state: 'COMPLETE' } }));
  expect(seen.get('a')).toHaveLength(4);
});
