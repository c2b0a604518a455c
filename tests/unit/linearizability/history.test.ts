import { checkOperations, HistoryRecorder, kvModel, KvInput, KvOutput } from '../../support/linearizability';

describe('HistoryRecorder', () => {
  test('stamps calls and returns from its clock and leaves unanswered operations open', () => {
    let now = 0;
    const recorder = new HistoryRecorder<KvInput, KvOutput>(() => now);
    const a = recorder.invoke(1, { kind: 'put', key: 'x', value: '1' });
    now = 3;
    const b = recorder.invoke(2, { kind: 'get', key: 'x' });
    now = 5;
    recorder.complete(a, {});
    now = 7;
    recorder.complete(b, { value: '1' });
    recorder.invoke(3, { kind: 'put', key: 'x', value: '2' });
    const ops = recorder.operations();
    expect(ops.map((op) => [op.call, op.return])).toEqual([
      [0, 5],
      [3, 7],
      [7, Infinity],
    ]);
    expect(ops[2].output).toBeUndefined();
    expect(checkOperations(kvModel, ops).result).toBe('ok');
    expect(() => recorder.complete(a, {})).toThrow(/twice/);
  });
});
