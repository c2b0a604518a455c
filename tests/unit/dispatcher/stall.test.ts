import { StallTolerantClock } from '../../../manager/dispatcher/stall';
import { HeartbeatTracker } from '../../../manager/node-status/heartbeats';

test('ticks on time advance the clock with real time; a stall counts only one step', () => {
  let real = 1_000;
  const clock = new StallTolerantClock(600, () => real);
  for (let i = 0; i < 5; i++) {
    real += 100;
    clock.tick();
  }
  expect(clock.now()).toBe(1_500);
  real += 5_000; // the process did not run for 5 s
  clock.tick();
  expect(clock.now()).toBe(2_100);
  real -= 50; // a wall clock stepping back never moves it back
  clock.tick();
  expect(clock.now()).toBe(2_100);
});

test('a node that beat before a leader stall is not expired by it; a dead node still expires', () => {
  let real = 0;
  const clock = new StallTolerantClock(600, () => real);
  const tracker = new HeartbeatTracker(() => clock.now());
  tracker.beat('alive', 1_500);
  tracker.beat('dead', 1_500);
  real += 2_000; // stalled 2 s: the heartbeats of 'alive' wait behind the timers
  clock.tick();
  expect(tracker.takeExpired()).toEqual([]);
  tracker.beat('alive', 1_500); // now handled
  // The leader stays slow: every tick comes 1 s late. 'dead' is noticed after a few.
  const expired: string[] = [];
  for (let i = 0; i < 3; i++) {
    real += 1_000;
    clock.tick();
    tracker.beat('alive', 1_500);
    expired.push(...tracker.takeExpired());
  }
  expect(expired).toEqual(['dead']);
});
