// A key-value store model: every key is an independent register, so the history is
// partitioned by key and each part is checked against a single-value state.
import { Model, Operation } from './model';

export type KvInput =
  | { kind: 'get'; key: string }
  | { kind: 'put'; key: string; value: string }
  | { kind: 'append'; key: string; value: string }
  | { kind: 'cas'; key: string; expected: string | null; value: string };

// get -> value (null when absent); put/append -> no value; cas -> whether it swapped.
export type KvOutput = { value?: string | null; ok?: boolean };

export type KvOperation = Operation<KvInput, KvOutput>;

type Register = string | null;

export const kvModel: Model<Register, KvInput, KvOutput> = {
  init: () => null,
  step(state, input, output) {
    switch (input.kind) {
      case 'get':
        return [output === undefined || output.value === state, state];
      case 'put':
        return [true, input.value];
      case 'append':
        return [true, (state ?? '') + input.value];
      case 'cas': {
        const swaps = state === input.expected;
        if (output !== undefined && output.ok !== swaps) return [false, state];
        return [true, swaps ? input.value : state];
      }
    }
  },
  equal: (a, b) => a === b,
  hash: (s) => (s === null ? '\u0000' : s),
  partition(ops) {
    const byKey = new Map<string, KvOperation[]>();
    for (const op of ops) {
      const list = byKey.get(op.input.key);
      if (list) list.push(op);
      else byKey.set(op.input.key, [op]);
    }
    return [...byKey.values()];
  },
  readOnly: (input) => input.kind === 'get',
  describe(input, output) {
    const got = output === undefined ? ' -> ?' : '';
    switch (input.kind) {
      case 'get':
        return `get(${input.key})` + (output ? ` -> ${JSON.stringify(output.value)}` : got);
      case 'put':
        return `put(${input.key}, ${JSON.stringify(input.value)})` + got;
      case 'append':
        return `append(${input.key}, ${JSON.stringify(input.value)})` + got;
      case 'cas':
        return (
          `cas(${input.key}, ${JSON.stringify(input.expected)} -> ${JSON.stringify(input.value)})` +
          (output ? ` -> ${output.ok}` : got)
        );
    }
  },
};
