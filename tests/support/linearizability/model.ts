// A sequential specification the checker linearizes a concurrent history against.
//
// `output === undefined` means the operation never returned (crashed client, timed-out
// request): the checker may place it anywhere after its call or leave it out, so `step`
// must then accept whatever the model itself would have produced.
export interface Model<S, I, O> {
  init(): S;
  step(state: S, input: I, output: O | undefined): [ok: boolean, next: S];
  equal(a: S, b: S): boolean;
  hash(state: S): string;
  // Independent sub-histories (Porcupine's partitioning): a history is linearizable iff
  // every part is, and the search cost is exponential in part size, not history size.
  partition?(ops: readonly Operation<I, O>[]): Operation<I, O>[][];
  // Pending operations that cannot change state can be dropped before the search.
  readOnly?(input: I): boolean;
  describe?(input: I, output: O | undefined): string;
}

export interface Operation<I, O> {
  clientId: number;
  input: I;
  output: O | undefined; // undefined: never returned
  call: number;
  return: number; // Infinity when the operation never returned
}
