import { StallDetector } from '../../../manager/dispatcher/stall';

test('a tick within the tolerance is no stall; a late one is, once', () => {
  let now = 0;
  const d = new StallDetector(100, 500, 0, () => now);
  expect(d.tick()).toBe(false); // first tick: nothing to compare with
  now = 150;
  expect(d.tick()).toBe(false);
  now = 750; // 500 ms late: at the tolerance
  expect(d.tick()).toBe(false);
  now = 2_000; // 1,150 ms late
  expect(d.tick()).toBe(true);
  now = 2_100;
  expect(d.tick()).toBe(false);
});

test('when every tick is late, a stall is reported at most once per gap', () => {
  let now = 0;
  const d = new StallDetector(100, 500, 3_000, () => now);
  d.tick();
  const reported: number[] = [];
  for (let i = 0; i < 10; i++) {
    now += 1_000;
    if (d.tick()) reported.push(now);
  }
  expect(reported).toEqual([1_000, 4_000, 7_000, 10_000]);
});
