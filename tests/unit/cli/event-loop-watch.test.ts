import { stallBetween } from '../../../cli/daemon/event-loop-watch';

describe('event loop watch', () => {
  const at = (ms: number, cpuMs: number) => ({ at: ms, cpuUs: cpuMs * 1000 });

  it('says nothing when the timer ran about on time', () => {
    expect(stallBetween(at(0, 0), at(100, 1), 100, 300)).toBeUndefined();
    expect(stallBetween(at(0, 0), at(399, 1), 100, 300)).toBeUndefined();
  });

  it('reports how late the timer ran and the CPU the process used meanwhile', () => {
    expect(stallBetween(at(1_000, 50), at(2_900, 330), 100, 300)).toEqual({ ms: 1_800, cpuMs: 280 });
  });
});
