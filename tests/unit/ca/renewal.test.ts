import fc from 'fast-check';
import { renewalPlan } from '../../../manager/ca/renewal';

const DAY = 86_400_000;
const from = new Date('2024-01-01T00:00:00Z');
const to = new Date(from.getTime() + 100 * DAY);

describe('renewalPlan', () => {
  it('random 0 renews at 50% and random near 1 at 80% of the lifetime', () => {
    expect(renewalPlan(from, to, from, () => 0).at.getTime()).toBe(from.getTime() + 50 * DAY);
    const late = renewalPlan(from, to, from, () => 0.999999).at.getTime();
    expect(late).toBeLessThanOrEqual(from.getTime() + 80 * DAY);
    expect(late).toBeGreaterThan(from.getTime() + 79.99 * DAY);
  });

  it('always lands in [50%, 80%] and the delay counts from now', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: 0, max: 120 }),
        (r, nowDay) => {
          const now = new Date(from.getTime() + nowDay * DAY);
          const plan = renewalPlan(from, to, now, () => r);
          const t = plan.at.getTime();
          expect(t).toBeGreaterThanOrEqual(from.getTime() + 50 * DAY);
          expect(t).toBeLessThanOrEqual(from.getTime() + 80 * DAY);
          expect(plan.delayMs).toBe(Math.max(0, t - now.getTime()));
          expect(plan.expired).toBe(now.getTime() >= to.getTime());
        },
      ),
    );
  });

  it('a renewal point already past means renew now', () => {
    const plan = renewalPlan(from, to, new Date(from.getTime() + 90 * DAY), () => 0.5);
    expect(plan.delayMs).toBe(0);
    expect(plan.expired).toBe(false);
  });

  it('rejects bad inputs', () => {
    expect(() => renewalPlan(to, from, from, () => 0)).toThrow(/validity is empty/);
    expect(() => renewalPlan(from, to, from, () => 1)).toThrow(/\[0, 1\)/);
  });
});
