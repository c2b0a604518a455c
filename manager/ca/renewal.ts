// When to renew a node certificate: at a random point between 50% and 80% of its
// lifetime, so a cluster whose nodes joined together does not renew in one burst
// (swarmkit's reasoning). Pure: the randomness and the clock are injected.

export const RENEW_LOWER_FRACTION = 0.5;
export const RENEW_UPPER_FRACTION = 0.8;

export interface RenewalPlan {
  /** The moment to renew. */
  at: Date;
  /** How long to wait from `now` (0 when that moment has passed). */
  delayMs: number;
  /** True when the certificate is already expired: renew now, and expect trouble. */
  expired: boolean;
}

/**
 * @param random returns a number in [0, 1), e.g. Math.random
 */
export function renewalPlan(notBefore: Date, notAfter: Date, now: Date, random: () => number): RenewalPlan {
  const from = notBefore.getTime();
  const to = notAfter.getTime();
  if (!(to > from))
    throw new Error(`certificate validity is empty: notAfter ${notAfter.toISOString()} <= notBefore`);
  const r = random();
  if (!(r >= 0 && r < 1)) throw new Error(`random() must return a number in [0, 1), got ${r}`);
  const life = to - from;
  const fraction = RENEW_LOWER_FRACTION + r * (RENEW_UPPER_FRACTION - RENEW_LOWER_FRACTION);
  const at = new Date(from + Math.floor(life * fraction));
  const expired = now.getTime() >= to;
  return { at, delayMs: Math.max(0, at.getTime() - now.getTime()), expired };
}
