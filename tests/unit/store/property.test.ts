// Random transaction sequences (including invalid ones) applied to independent replicas
// must leave identical snapshots, consistent indexes, and survive snapshot/restore.
import fc from 'fast-check';
import { MemoryStore, encodeTransaction, Transaction, Action } from '../../../manager/store';

const ids = ['a', 'b', 'c', 'd', 'e'];
const names = ['x', 'y', 'z'];

const serviceObj = fc.record({
  id: fc.constantFrom(...ids),
  name: fc.constantFrom(...names),
  replicas: fc.nat(5),
});
const taskObj = fc.record({
  id: fc.constantFrom(...ids),
  serviceId: fc.constantFrom('', 's1', 's2'),
  nodeId: fc.constantFrom('', 'n1', 'n2'),
  slot: fc.nat(3),
});

// Creates are weighted up: updates and deletes of absent objects are (correctly) rejected.
const action: fc.Arbitrary<(store: MemoryStore) => Action> = fc.oneof(
  {
    weight: 4,
    arbitrary: serviceObj.map((s) => () => ({
      op: 'create' as const,
      table: 'services' as const,
      object: { id: s.id, spec: { annotations: { name: s.name }, replicated: { replicas: s.replicas } } },
    })),
  },
  fc.tuple(serviceObj, fc.boolean()).map(([s, stale]) => (store: MemoryStore) => ({
    op: 'update' as const,
    table: 'services' as const,
    object: {
      id: s.id,
      meta: { version: (store.get('services', s.id)?.meta?.version ?? 0) - (stale ? 1 : 0) },
      spec: { annotations: { name: s.name }, replicated: { replicas: s.replicas } },
    },
  })),
  fc.constantFrom(...ids).map((id) => () => ({ op: 'delete' as const, table: 'services' as const, id })),
  {
    weight: 4,
    arbitrary: taskObj.map((t) => () => ({ op: 'create' as const, table: 'tasks' as const, object: t })),
  },
  taskObj.map((t) => (store: MemoryStore) => ({
    op: 'update' as const,
    table: 'tasks' as const,
    object: { ...t, meta: { version: store.get('tasks', t.id)?.meta?.version ?? 0 } },
  })),
  fc.constantFrom(...ids).map((id) => () => ({ op: 'delete' as const, table: 'tasks' as const, id })),
);

// Mostly single-action transactions so that many succeed; some multi-action ones to
// exercise atomicity.
const transactions = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: fc.array(action, { minLength: 1, maxLength: 1 }) },
    fc.array(action, { minLength: 2, maxLength: 4 }),
  ),
  { maxLength: 30 },
);

function run(txs: Array<Array<(s: MemoryStore) => Action>>, proposer: MemoryStore): Uint8Array[] {
  // The proposer's view decides versions in the actions (as a leader would); the bytes
  // are then applied everywhere.
  return txs.map((makers, i) => {
    const tx: Transaction = { v: 1, ts: 1000 + i, actions: makers.map((m) => m(proposer)) };
    return encodeTransaction(tx);
  });
}

describe('store determinism (property)', () => {
  let totalOk = 0;
  let totalObjects = 0;
  it('the same transactions give identical snapshots on two replicas; indexes stay consistent; restore round-trips', () => {
    fc.assert(
      fc.property(transactions, (txs) => {
        const leader = new MemoryStore();
        const follower = new MemoryStore();
        let okCount = 0;
        txs.forEach((makers, i) => {
          const [bytes] = run([makers], leader);
          const r1 = leader.apply(bytes, i + 1);
          const r2 = follower.apply(bytes, i + 1);
          expect(r2).toEqual(r1);
          if (r1.ok) okCount++;
        });
        const snap = leader.snapshot();
        expect(Buffer.from(follower.snapshot()).equals(Buffer.from(snap))).toBe(true);
        leader.checkIndexes();

        // Unique names hold in the final state.
        const svcNames = leader.list('services').map((s) => s.spec!.annotations!.name);
        expect(new Set(svcNames).size).toBe(svcNames.length);

        const restored = new MemoryStore();
        restored.restore(snap);
        expect(Buffer.from(restored.snapshot()).equals(Buffer.from(snap))).toBe(true);
        expect(restored.version).toBe(leader.version);
        restored.checkIndexes();
        totalOk += okCount;
        totalObjects += leader.list('services').length + leader.list('tasks').length;
      }),
      { numRuns: 200 },
    );
    // Guard against a generator that only ever produces rejected transactions.
    expect(totalOk).toBeGreaterThan(300);
    expect(totalObjects).toBeGreaterThan(200);
  });

  it('a failed transaction changes nothing at all', () => {
    fc.assert(
      fc.property(transactions, (txs) => {
        const store = new MemoryStore();
        txs.forEach((makers, i) => {
          const [bytes] = run([makers], store);
          const before = Buffer.from(store.snapshot());
          const r = store.apply(bytes, i + 1);
          if (!r.ok) expect(Buffer.from(store.snapshot()).equals(before)).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });
});
