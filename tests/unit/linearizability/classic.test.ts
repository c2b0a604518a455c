import { checkOperations, describeReport, kvModel } from '../../support/linearizability';
import { append, cas, done, get, ops, put, saw, swapped } from './helpers';

const check = (rows: Parameters<typeof ops>[0]) => checkOperations(kvModel, ops(rows)).result;

describe('linearizability checker on hand-written kv histories', () => {
  test('an empty history is linearizable', () => {
    expect(check([])).toBe('ok');
  });

  test('sequential put then get of the written value', () => {
    expect(
      check([
        [0, 0, 1, put('x', 'a'), done],
        [1, 2, 3, get('x'), saw('a')],
      ]),
    ).toBe('ok');
  });

  test('a get of a missing key sees null, not some other value', () => {
    expect(check([[0, 0, 1, get('x'), saw(null)]])).toBe('ok');
    expect(check([[0, 0, 1, get('x'), saw('a')]])).toBe('illegal');
  });

  test('a read of a value never written is illegal', () => {
    expect(
      check([
        [0, 0, 1, put('x', 'a'), done],
        [1, 2, 3, get('x'), saw('b')],
      ]),
    ).toBe('illegal');
  });

  test('a stale read after a completed overwrite is illegal', () => {
    expect(
      check([
        [0, 0, 1, put('x', 'a'), done],
        [0, 2, 3, put('x', 'b'), done],
        [1, 4, 5, get('x'), saw('a')],
      ]),
    ).toBe('illegal');
  });

  test('a read concurrent with a write may see either value', () => {
    const history = (seen: string) =>
      check([
        [0, 0, 1, put('x', 'a'), done],
        [0, 2, 10, put('x', 'b'), done],
        [1, 3, 5, get('x'), saw(seen)],
      ]);
    expect(history('a')).toBe('ok');
    expect(history('b')).toBe('ok');
  });

  test('new-old inversion: once a read saw the new value, a later read may not see the old one', () => {
    // Both reads overlap the write, but the second starts after the first returned.
    expect(
      check([
        [0, 0, 1, put('x', 'a'), done],
        [0, 2, 20, put('x', 'b'), done],
        [1, 3, 5, get('x'), saw('b')],
        [2, 6, 8, get('x'), saw('a')],
      ]),
    ).toBe('illegal');
    expect(
      check([
        [0, 0, 1, put('x', 'a'), done],
        [0, 2, 20, put('x', 'b'), done],
        [1, 3, 5, get('x'), saw('a')],
        [2, 6, 8, get('x'), saw('b')],
      ]),
    ).toBe('ok');
  });

  test('a read cannot see a write that starts after it returned', () => {
    expect(
      check([
        [1, 0, 1, get('x'), saw('a')],
        [0, 2, 3, put('x', 'a'), done],
      ]),
    ).toBe('illegal');
  });

  test('Porcupine-style example: two concurrent writes, later reads must agree on their order', () => {
    const withReads = (first: string, second: string) =>
      check([
        [0, 0, 10, put('x', '100'), done],
        [1, 5, 15, put('x', '200'), done],
        [2, 20, 21, get('x'), saw(first)],
        [3, 22, 23, get('x'), saw(second)],
      ]);
    expect(withReads('100', '100')).toBe('ok');
    expect(withReads('200', '200')).toBe('ok');
    expect(withReads('200', '100')).toBe('illegal');
  });

  describe('operations that never returned', () => {
    test('may have taken effect, or not', () => {
      expect(
        check([
          [0, 0, null, put('x', 'a'), null],
          [1, 5, 6, get('x'), saw('a')],
        ]),
      ).toBe('ok');
      expect(
        check([
          [0, 0, null, put('x', 'a'), null],
          [1, 5, 6, get('x'), saw(null)],
        ]),
      ).toBe('ok');
    });

    test('once observed, their effect cannot disappear', () => {
      expect(
        check([
          [0, 0, null, put('x', 'a'), null],
          [1, 5, 6, get('x'), saw('a')],
          [1, 7, 8, get('x'), saw(null)],
        ]),
      ).toBe('illegal');
    });

    test('cannot take effect before they were called', () => {
      expect(
        check([
          [1, 0, 1, get('x'), saw('a')],
          [0, 2, null, put('x', 'a'), null],
        ]),
      ).toBe('illegal');
    });

    test('a pending write can land after later completed writes', () => {
      expect(
        check([
          [0, 0, null, put('x', 'a'), null],
          [1, 2, 3, put('x', 'b'), done],
          [1, 4, 5, get('x'), saw('a')],
        ]),
      ).toBe('ok');
    });
  });

  test('append builds on every earlier append exactly once', () => {
    expect(
      check([
        [0, 0, 3, append('l', '1'), done],
        [1, 1, 4, append('l', '2'), done],
        [2, 5, 6, get('l'), saw('21')],
      ]),
    ).toBe('ok');
    expect(
      check([
        [0, 0, 3, append('l', '1'), done],
        [1, 1, 4, append('l', '2'), done],
        [2, 5, 6, get('l'), saw('1')],
      ]),
    ).toBe('illegal');
  });

  test('cas outcomes must agree with a single order', () => {
    // Two concurrent cas from the same expected value cannot both succeed.
    expect(
      check([
        [0, 0, 1, put('x', 'a'), done],
        [1, 2, 5, cas('x', 'a', 'b'), swapped(true)],
        [2, 2, 5, cas('x', 'a', 'c'), swapped(true)],
      ]),
    ).toBe('illegal');
    expect(
      check([
        [0, 0, 1, put('x', 'a'), done],
        [1, 2, 5, cas('x', 'a', 'b'), swapped(true)],
        [2, 2, 5, cas('x', 'a', 'c'), swapped(false)],
        [3, 6, 7, get('x'), saw('b')],
      ]),
    ).toBe('ok');
  });

  test('keys are independent partitions: a violation on one key fails the history', () => {
    const report = checkOperations(
      kvModel,
      ops([
        [0, 0, 1, put('x', 'a'), done],
        [1, 0, 1, put('y', 'a'), done],
        [0, 2, 3, get('x'), saw('a')],
        [1, 2, 3, get('y'), saw(null)],
      ]),
    );
    expect(report.result).toBe('illegal');
    const bad = report.partitions.find((p) => p.result === 'illegal');
    expect(bad?.ops.every((op) => op.input.key === 'y')).toBe(true);
    expect(describeReport(kvModel, report)).toContain('get(y) -> null');
  });

  test('rejects malformed operations instead of guessing', () => {
    expect(() => check([[0, 5, 4, get('x'), saw(null)]])).toThrow(RangeError);
    expect(() =>
      checkOperations(kvModel, [{ clientId: 0, call: 0, return: 3, input: get('x'), output: undefined }]),
    ).toThrow(RangeError);
  });

  test('a pathological history exhausts the budget and reports unknown instead of hanging', () => {
    // 40 mutually concurrent writes and an impossible read: proving illegality means
    // visiting every subset of writes, far past the step budget.
    const rows: Parameters<typeof ops>[0] = [];
    for (let i = 0; i < 40; i++) rows.push([i, 0, 100, put('x', `v${i}`), done]);
    rows.push([99, 1, 99, get('x'), saw('never-written')]);
    for (let i = 0; i < 40; i++) rows.push([100 + i, 2, 98, get('x'), saw(`v${i}`)]);
    const started = Date.now();
    const report = checkOperations(kvModel, ops(rows), { maxSteps: 20_000 });
    expect(report.result).toBe('unknown');
    expect(Date.now() - started).toBeLessThan(5_000);
    const timed = checkOperations(kvModel, ops(rows), { maxSteps: Infinity, timeoutMs: 200 });
    expect(timed.result).toBe('unknown');
  });
});
