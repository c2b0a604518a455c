// Wing & Gong's linearizability search with Lowe's memoization, per independent
// partition (as Porcupine does). See Lowe, "Testing for linearizability" (2017).
//
// The history becomes a time-ordered doubly linked list of call and return entries.
// The search repeatedly tries to linearize some pending call at the front of the list
// (the model accepts its output from the current state); reaching a return entry whose
// operation is not yet linearized means the current prefix cannot be extended, so it
// backtracks. Lowe's cache of (set of linearized ops, model state) prunes every
// configuration already explored, which is what makes real histories tractable.
import { Bitset } from './bitset';
import { Model, Operation } from './model';

export type CheckResult = 'ok' | 'illegal' | 'unknown';

export interface CheckOptions {
  // Budget of model steps over the whole history; exhausted -> 'unknown'.
  maxSteps?: number;
  // Wall-clock budget for the whole history; exhausted -> 'unknown'.
  timeoutMs?: number;
}

export interface PartitionReport<I, O> {
  result: CheckResult;
  ops: Operation<I, O>[];
  // The longest linearizable prefix the search found, in linearization order: for an
  // illegal history, the operation after it is where every explanation broke down.
  longestLinearization: Operation<I, O>[];
  steps: number;
}

export interface CheckReport<I, O> {
  result: CheckResult;
  partitions: PartitionReport<I, O>[];
  steps: number;
}

const DEFAULT_MAX_STEPS = 5_000_000;
const DEFAULT_TIMEOUT_MS = 30_000;

export function checkOperations<S, I, O>(
  model: Model<S, I, O>,
  history: readonly Operation<I, O>[],
  options: CheckOptions = {},
): CheckReport<I, O> {
  const budget = {
    stepsLeft: options.maxSteps ?? DEFAULT_MAX_STEPS,
    deadline: Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
  };
  for (const op of history) {
    if (!(op.return >= op.call))
      throw new RangeError(`operation returns (${op.return}) before its call (${op.call})`);
    if ((op.output === undefined) !== (op.return === Infinity)) {
      throw new RangeError('an operation has an output iff it returned (finite return time)');
    }
  }
  const relevant = history.filter((op) => !(op.output === undefined && model.readOnly?.(op.input)));
  const parts = model.partition ? model.partition(relevant) : [relevant.slice()];
  const partitions: PartitionReport<I, O>[] = [];
  let result: CheckResult = 'ok';
  let steps = 0;
  for (const ops of parts) {
    const report = checkPartition(model, ops, budget);
    partitions.push(report);
    steps += report.steps;
    if (report.result === 'illegal') {
      result = 'illegal';
      break; // one counterexample is enough; the rest would only spend budget
    }
    if (report.result === 'unknown') result = 'unknown';
  }
  return { result, partitions, steps };
}

interface Budget {
  stepsLeft: number;
  deadline: number;
}

function checkPartition<S, I, O>(
  model: Model<S, I, O>,
  ops: Operation<I, O>[],
  budget: Budget,
): PartitionReport<I, O> {
  const n = ops.length;
  // Entry 0 is the list head; entries 1..2n are the calls and returns.
  const order: { op: number; isCall: boolean; time: number }[] = [];
  ops.forEach((op, i) => {
    order.push({ op: i, isCall: true, time: op.call });
    order.push({ op: i, isCall: false, time: op.return });
  });
  // On equal times calls sort before returns: touching operations count as concurrent,
  // so the checker never reports a violation that depends on a clock tie.
  order.sort((a, b) => a.time - b.time || (a.isCall === b.isCall ? 0 : a.isCall ? -1 : 1));
  const size = order.length + 1;
  const next = new Int32Array(size);
  const prev = new Int32Array(size);
  const opOf = new Int32Array(size);
  const isCall = new Uint8Array(size);
  const finite = new Uint8Array(size);
  const matchOf = new Int32Array(size);
  const callNode = new Int32Array(n);
  const returnNode = new Int32Array(n);
  order.forEach((e, k) => {
    const node = k + 1;
    opOf[node] = e.op;
    isCall[node] = e.isCall ? 1 : 0;
    finite[node] = e.time !== Infinity ? 1 : 0;
    if (e.isCall) callNode[e.op] = node;
    else returnNode[e.op] = node;
  });
  for (let i = 0; i < n; i++) matchOf[callNode[i]] = returnNode[i];
  for (let node = 0; node < size; node++) {
    next[node] = node + 1 < size ? node + 1 : -1;
    prev[node] = node - 1;
  }

  const unlink = (node: number): void => {
    next[prev[node]] = next[node];
    if (next[node] !== -1) prev[next[node]] = prev[node];
  };
  const relink = (node: number): void => {
    next[prev[node]] = node;
    if (next[node] !== -1) prev[next[node]] = node;
  };
  // Dancing-links style: removed nodes keep their own pointers, so restoring in the
  // reverse order of removal puts them back exactly where they were.
  const lift = (call: number): void => {
    unlink(call);
    unlink(matchOf[call]);
  };
  const unlift = (call: number): void => {
    relink(matchOf[call]);
    relink(call);
  };

  const cache = new Map<string, S[]>();
  const linearized = new Bitset(n);
  const stack: { node: number; state: S }[] = [];
  let longest: number[] = [];
  let state = model.init();
  let entry = next[0];
  let steps = 0;

  const report = (result: CheckResult): PartitionReport<I, O> => ({
    result,
    ops,
    longestLinearization: longest.map((node) => ops[opOf[node]]),
    steps,
  });

  while (next[0] !== -1) {
    if (entry === -1) throw new Error('linearizability search ran off the end of its list');
    if (isCall[entry]) {
      if (--budget.stepsLeft < 0 || ((steps & 1023) === 0 && Date.now() > budget.deadline)) {
        return report('unknown');
      }
      steps++;
      const op = ops[opOf[entry]];
      const [ok, nextState] = model.step(state, op.input, op.output);
      if (ok) {
        linearized.set(opOf[entry]);
        if (remember(cache, model, linearized, nextState)) {
          stack.push({ node: entry, state });
          if (stack.length > longest.length) longest = stack.map((s) => s.node);
          state = nextState;
          lift(entry);
          entry = next[0];
          continue;
        }
        linearized.clear(opOf[entry]);
      }
      entry = next[entry];
    } else {
      // Every finite return sorts before every infinite one, so reaching an infinite
      // return means each operation that did return is linearized; the operations
      // still pending may simply not have taken effect.
      if (!finite[entry]) break;
      const top = stack.pop();
      if (!top) return report('illegal');
      state = top.state;
      linearized.clear(opOf[top.node]);
      unlift(top.node);
      entry = next[top.node];
    }
  }
  return report('ok');
}

// Records (linearized set, state) and reports whether it was new.
function remember<S, I, O>(
  cache: Map<string, S[]>,
  model: Model<S, I, O>,
  linearized: Bitset,
  state: S,
): boolean {
  const key = linearized.key() + '#' + model.hash(state);
  const seen = cache.get(key);
  if (!seen) {
    cache.set(key, [state]);
    return true;
  }
  if (seen.some((s) => model.equal(s, state))) return false;
  seen.push(state);
  return true;
}

// A human-readable account of a failed partition, for test failure messages.
export function describeReport<S, I, O>(
  model: Model<S, I, O>,
  report: CheckReport<I, O>,
  limit = 60,
): string {
  const bad = report.partitions.find((p) => p.result !== 'ok');
  if (!bad) return `linearizable (${report.steps} steps)`;
  const show = (op: Operation<I, O>): string => {
    const what = model.describe ? model.describe(op.input, op.output) : JSON.stringify([op.input, op.output]);
    const ret = op.return === Infinity ? 'never' : String(op.return);
    return `client ${op.clientId} [${op.call}, ${ret}] ${what}`;
  };
  const lines = [`${bad.result} partition of ${bad.ops.length} operations (${report.steps} steps)`];
  lines.push('longest linearizable prefix:');
  for (const op of bad.longestLinearization.slice(-limit)) lines.push('  ' + show(op));
  lines.push('operations by call time:');
  const byCall = [...bad.ops].sort((a, b) => a.call - b.call);
  for (const op of byCall.slice(0, limit)) lines.push('  ' + show(op));
  if (byCall.length > limit) lines.push(`  ... ${byCall.length - limit} more`);
  return lines.join('\n');
}
