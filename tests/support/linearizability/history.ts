// Records client operations as they are invoked and answered, on any clock that never
// goes backwards (simulated ticks, or performance.now() in real-process tests).
import { Operation } from './model';

export class HistoryRecorder<I, O> {
  private readonly ops: {
    clientId: number;
    input: I;
    output: O | undefined;
    call: number;
    return: number;
  }[] = [];

  constructor(private readonly now: () => number) {}

  invoke(clientId: number, input: I): number {
    this.ops.push({ clientId, input, output: undefined, call: this.now(), return: Infinity });
    return this.ops.length - 1;
  }

  complete(id: number, output: O): void {
    const op = this.ops[id];
    if (op.output !== undefined) throw new Error(`operation ${id} completed twice`);
    op.output = output;
    op.return = this.now();
  }

  // Operations never completed stay open (return = Infinity): they may or may not have
  // taken effect, which is exactly what a client that timed out knows.
  operations(): Operation<I, O>[] {
    return this.ops.map((op) => ({ ...op }));
  }

  get size(): number {
    return this.ops.length;
  }
}
