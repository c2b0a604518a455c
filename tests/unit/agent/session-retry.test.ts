import { retryDelayMs } from '../../../worker-agent/session/session';

describe('agent session: the pause between attempts', () => {
  it('stays short through the first round of managers (a leader change is over by then)', () => {
    expect([1, 2, 3].map((f) => retryDelayMs(f, 3))).toEqual([100, 100, 100]);
  });

  it('doubles per further round and stops at a second', () => {
    expect([4, 6, 7, 9, 10, 12, 13, 100].map((f) => retryDelayMs(f, 3))).toEqual([
      200, 200, 400, 400, 800, 800, 1_000, 1_000,
    ]);
    // one manager: every failure is a round
    expect([1, 2, 3, 4, 5, 6].map((f) => retryDelayMs(f, 1))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  it('treats an empty manager list as one manager', () => {
    expect(retryDelayMs(2, 0)).toBe(200);
  });
});
