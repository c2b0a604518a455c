// Property tests: histories produced by a real atomic store must pass; mutations that
// provably break linearizability must fail; and on small arbitrary histories the
// checker must agree with a brute-force search over every ordering.
import fc from 'fast-check';
import {
  checkOperations,
  describeReport,
  kvModel,
  KvInput,
  KvOperation,
  KvOutput,
} from '../../support/linearizability';

const KEYS = ['a', 'b', 'c'];

interface Plan {
  input: KvInput;
  clientId: number;
  call: number;
  duration: number;
  linearizeAt: number; // fraction of the interval where it takes effect
  returns: boolean;
}

const inputArb: fc.Arbitrary<KvInput> = fc.oneof(
  fc.record({ kind: fc.constant('get' as const), key: fc.constantFrom(...KEYS) }),
  fc.record({
    kind: fc.constant('put' as const),
    key: fc.constantFrom(...KEYS),
    value: fc.constantFrom('1', '2', '3'),
  }),
  fc.record({
    kind: fc.constant('append' as const),
    key: fc.constantFrom(...KEYS),
    value: fc.constantFrom('x', 'y'),
  }),
  fc.record({
    kind: fc.constant('cas' as const),
    key: fc.constantFrom(...KEYS),
    expected: fc.constantFrom(null, '1', '2'),
    value: fc.constantFrom('1', '2', '3'),
  }),
);

const planArb = (
  maxOps: number,
  pendingRate: number,
  size: fc.SizeForArbitrary = 'small',
): fc.Arbitrary<Plan[]> =>
  fc.array(
    fc.record({
      input: inputArb,
      clientId: fc.nat(4),
      call: fc.nat(100),
      duration: fc.integer({ min: 1, max: 30 }),
      linearizeAt: fc.integer({ min: 0, max: 1000 }).map((k) => k / 1000),
      // fc.double is biased towards tiny values, which would make almost every op pending.
      returns: fc.integer({ min: 0, max: 999 }).map((k) => k >= pendingRate * 1000),
    }),
    { maxLength: maxOps, size },
  );

// Clients as in a real test: each has one operation in flight at a time, the next one
// called after the last returned. An operation that never returns retires its client
// (as a Jepsen process that crashed), and a fresh client id takes over the slot, so
// concurrency stays near the client count plus the pending operations, as it does in
// the raft histories this checker exists for.
const sequentialClientsArb = (maxOps: number, pendingRate: number): fc.Arbitrary<Plan[]> =>
  fc
    .array(
      fc.record({
        input: inputArb,
        slot: fc.nat(4),
        gap: fc.nat(3),
        duration: fc.integer({ min: 1, max: 30 }),
        linearizeAt: fc.integer({ min: 0, max: 1000 }).map((k) => k / 1000),
        returns: fc.integer({ min: 0, max: 999 }).map((k) => k >= pendingRate * 1000),
      }),
      { maxLength: maxOps, size: 'max' },
    )
    .map((steps) => {
      const freeAt = [0, 0, 0, 0, 0];
      const clientOf = [0, 1, 2, 3, 4];
      let nextClient = clientOf.length;
      return steps.map(({ input, slot, gap, duration, linearizeAt, returns }) => {
        const call = freeAt[slot] + gap;
        freeAt[slot] = call + duration + 1;
        const plan: Plan = { input, clientId: clientOf[slot], call, duration, linearizeAt, returns };
        if (!returns) clientOf[slot] = nextClient++;
        return plan;
      });
    });

// Runs the plan against an atomic map at each operation's linearization point. Times
// are doubled (+1 for returns) so no call ever ties with a return.
function execute(plan: Plan[]): KvOperation[] {
  const store = new Map<string, string>();
  const points = plan
    .map((p, i) => ({ i, at: p.call * 2 + p.duration * 2 * p.linearizeAt }))
    .sort((x, y) => x.at - y.at || x.i - y.i);
  const outputs: KvOutput[] = [];
  for (const { i } of points) {
    const input = plan[i].input;
    const current = store.get(input.key) ?? null;
    switch (input.kind) {
      case 'get':
        outputs[i] = { value: current };
        break;
      case 'put':
        store.set(input.key, input.value);
        outputs[i] = {};
        break;
      case 'append':
        store.set(input.key, (current ?? '') + input.value);
        outputs[i] = {};
        break;
      case 'cas':
        if (current === input.expected) store.set(input.key, input.value);
        outputs[i] = { ok: current === input.expected };
        break;
    }
  }
  return plan.map((p, i) => ({
    clientId: p.clientId,
    input: p.input,
    call: p.call * 2,
    return: p.returns ? (p.call + p.duration) * 2 + 1 : Infinity,
    output: p.returns ? outputs[i] : undefined,
  }));
}

// Exhaustive oracle: some subset of the pending operations plus every returned one, in
// some order that respects real time, replays correctly on the model.
function bruteForce(history: KvOperation[]): boolean {
  const n = history.length;
  const used = new Array<boolean>(n).fill(false);
  const search = (state: string | null, ops: KvOperation[]): boolean => {
    if (ops.every((op, i) => used[i] || op.output === undefined)) return true;
    for (let i = 0; i < ops.length; i++) {
      if (used[i]) continue;
      // Every unplaced op must not have returned before this one was called.
      if (ops.some((other, j) => !used[j] && j !== i && other.return < ops[i].call)) continue;
      const [ok, next] = kvModel.step(state, ops[i].input, ops[i].output);
      if (!ok) continue;
      used[i] = true;
      const found = search(next, ops);
      used[i] = false;
      if (found) return true;
    }
    return false;
  };
  return KEYS.every((key) => {
    const ops = history.filter((op) => op.input.key === key);
    used.fill(false);
    return search(null, ops);
  });
}

describe('linearizability checker properties', () => {
  test('histories of an atomic store with sequential clients are linearizable, with and without pending operations', () => {
    fc.assert(
      fc.property(sequentialClientsArb(120, 0.1), (plan) => {
        const history = execute(plan);
        const report = checkOperations(kvModel, history, { timeoutMs: 10_000 });
        if (report.result !== 'ok') throw new Error(describeReport(kvModel, report));
      }),
      { numRuns: 300 },
    );
  });

  // Arbitrary overlap (a "client" with many operations in flight at once) is where the
  // search is exponential; the checker may give up there, but must never call a
  // linearizable history illegal, and small ones must still be decided.
  test('highly concurrent histories of an atomic store are never called illegal', () => {
    let decided = 0;
    fc.assert(
      fc.property(planArb(40, 0.1, 'max'), (plan) => {
        const report = checkOperations(kvModel, execute(plan), { maxSteps: 200_000 });
        if (report.result === 'illegal') throw new Error(describeReport(kvModel, report));
        if (report.result === 'ok') decided++;
      }),
      { numRuns: 200 },
    );
    expect(decided).toBeGreaterThan(100);
  });

  test('a read of a value no operation ever wrote is illegal', () => {
    fc.assert(
      fc.property(planArb(30, 0.1), fc.nat(), (plan, pick) => {
        const history = execute(plan);
        const reads = history.filter((op) => op.input.kind === 'get' && op.output !== undefined);
        fc.pre(reads.length > 0);
        reads[pick % reads.length].output = { value: 'never-written' };
        expect(checkOperations(kvModel, history).result).toBe('illegal');
      }),
      { numRuns: 300 },
    );
  });

  // With only puts of unique values and gets, a read of v is provably stale when some
  // other put on the key both started after v's put returned and returned before the
  // read was called: every linearization orders put(v) < that put < the read.
  test('a stale read after a completed overwrite is illegal', () => {
    const putGetPlan = planArb(30, 0.1).map((plan) =>
      plan.map((p, i) => ({
        ...p,
        input:
          p.input.kind === 'get'
            ? p.input
            : ({ kind: 'put', key: p.input.key, value: `u${i}` } satisfies KvInput),
      })),
    );
    fc.assert(
      fc.property(putGetPlan, (plan) => {
        const history = execute(plan);
        const puts = history.filter((op) => op.input.kind === 'put' && op.output !== undefined);
        let mutated = false;
        for (const read of history) {
          if (read.input.kind !== 'get' || read.output === undefined || mutated) continue;
          for (const old of puts) {
            if (old.input.key !== read.input.key || old.input.kind !== 'put') continue;
            const overwrittenBefore = puts.some(
              (p) =>
                p !== old && p.input.key === read.input.key && p.call > old.return && p.return < read.call,
            );
            if (overwrittenBefore) {
              read.output = { value: old.input.value };
              mutated = true;
              break;
            }
          }
        }
        fc.pre(mutated);
        expect(checkOperations(kvModel, history).result).toBe('illegal');
      }),
      { numRuns: 200 },
    );
  });

  test('agrees with brute force on small arbitrary (often non-linearizable) histories', () => {
    const outputArb = (input: KvInput): fc.Arbitrary<KvOutput> =>
      input.kind === 'get'
        ? fc.constantFrom<string | null>(null, '1', '2', 'x', '1x').map((value) => ({ value }))
        : input.kind === 'cas'
          ? fc.boolean().map((ok) => ({ ok }))
          : fc.constant({});
    const arbitraryHistory = planArb(7, 0.2).chain((plan) =>
      fc.tuple(...plan.map((p) => outputArb(p.input))).map((outs) =>
        plan.map((p, i): KvOperation => ({
          clientId: p.clientId,
          input: { ...p.input, key: p.input.key === 'c' ? 'b' : p.input.key },
          call: p.call,
          return: p.returns ? p.call + p.duration : Infinity,
          output: p.returns ? outs[i] : undefined,
        })),
      ),
    );
    let illegal = 0;
    fc.assert(
      fc.property(arbitraryHistory, (history) => {
        const expected = bruteForce(history);
        if (!expected) illegal++;
        expect(checkOperations(kvModel, history).result).toBe(expected ? 'ok' : 'illegal');
      }),
      { numRuns: 1500 },
    );
    // The oracle comparison is only meaningful if both verdicts were exercised.
    expect(illegal).toBeGreaterThan(100);
  });
});
