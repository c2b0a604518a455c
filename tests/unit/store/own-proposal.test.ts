// The proposer applies its own transactions without decoding them (expectOwnProposal):
// its replica must end up exactly where a replica that decodes the bytes does.
import { MemoryStore, ProposingStore, Transaction, encodeTransaction } from '../../../manager/store';
import { isPlainJson } from '../../../manager/store/codec';
import { replicatedStores, serviceInput } from './helpers';

describe('isPlainJson', () => {
  test('values that survive a JSON round trip unchanged', () => {
    expect(isPlainJson({ a: [1, 'x', true, null, { b: 2.5 }], c: {} })).toBe(true);
    expect(isPlainJson(Object.create(null))).toBe(true);
  });
  test('values that would not', () => {
    for (const v of [
      { a: undefined },
      [1, undefined],
      // eslint-disable-next-line no-sparse-arrays
      [1, , 2],
      { n: NaN },
      { n: Infinity },
      { n: -0 },
      { d: new Date(0) },
      { b: Buffer.from('x') },
      { f: () => 1 },
      { m: new Map() },
    ]) {
      expect(isPlainJson(v)).toBe(false);
    }
  });
});

describe('own proposals', () => {
  test('the proposer (fast path) and a decoding replica end in identical states', async () => {
    const { replicas, stores } = replicatedStores(2);
    const [leader] = stores;
    const svc = await leader.update((tx) => tx.services.create(serviceInput('web')));
    await leader.update((tx) => {
      for (let i = 0; i < 5; i++) tx.tasks.create({ serviceId: svc.id, slot: i + 1, nodeId: '' });
    });
    await leader.update((tx) => {
      for (const t of tx.tasks.list()) tx.tasks.update({ ...t, nodeId: 'n1', status: { state: 'ASSIGNED' } });
    });
    expect(Buffer.from(replicas[0].snapshot()).equals(Buffer.from(replicas[1].snapshot()))).toBe(true);
    // The fast path keeps the proposer's objects: they are frozen like decoded ones.
    const task = replicas[0].list('tasks')[0];
    expect(Object.isFrozen(task.status)).toBe(true);
    expect(Object.isFrozen(task.spec?.container)).toBe(true);
  });

  test('the registered transaction is used only for the same bytes, once', () => {
    const local = new MemoryStore();
    const tx: Transaction = {
      v: 1,
      ts: 1,
      actions: [{ op: 'create', table: 'nodes', object: { id: 'n1', spec: null } }],
    };
    const bytes = encodeTransaction(tx);
    const forget = local.expectOwnProposal(bytes, tx);
    const r = local.apply(Buffer.from(bytes), 1);
    expect(r.ok).toBe(true);
    // The store holds the registered object itself (no decoded copy) ...
    expect(local.get('nodes', 'n1')!.spec).toBe(null);
    forget();
    // ... and an entry with other bytes of the same length is decoded as usual.
    const other = encodeTransaction({
      ...tx,
      actions: [{ op: 'create', table: 'nodes', object: { id: 'n2', spec: null } }],
    });
    expect(other.length).toBe(bytes.length);
    local.expectOwnProposal(bytes, tx);
    expect(local.apply(other, 2).ok).toBe(true);
    expect(local.get('nodes', 'n2')).toBeDefined();
  });

  test('a proposal that fails to apply leaves nothing registered behind', async () => {
    const local = new MemoryStore();
    const store = new ProposingStore(local, async () => {
      throw new Error('no leader');
    });
    await expect(store.update((tx) => tx.nodes.create({ id: 'n1' }))).rejects.toThrow('no leader');
    expect((local as unknown as { ownProposals: Map<number, unknown> }).ownProposals.size).toBe(0);
  });
});
