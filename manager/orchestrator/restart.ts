// The restart supervisor's decision, as a pure function of the slot's history and the
// clock: should a task that ended by itself get a replacement, and when? Everything it
// needs is in the store (each task's end state and time), so a new leader reaches the
// same decision as the old one: no in-memory restart history to lose on failover.
import type { Service, Task } from '../api-types';
import { exitedOnItsOwn, isFailure, stateSince } from './task-state';

export type RestartCondition = 'ANY' | 'ON_FAILURE' | 'NONE';

export interface RestartPolicy {
  condition: RestartCondition;
  delayMs: number;
  /** 0 = unlimited. */
  maxAttempts: number;
  /** 0 = count every attempt ever made. */
  windowMs: number;
}

/** Docker's defaults when the spec says nothing: restart always, after 5 seconds. */
export const DEFAULT_RESTART_DELAY_MS = 5_000;

const NS_PER_MS = 1_000_000;

export function restartPolicyOf(service: Service): RestartPolicy {
  const r = service.spec?.task?.restart;
  if (!r) return { condition: 'ANY', delayMs: DEFAULT_RESTART_DELAY_MS, maxAttempts: 0, windowMs: 0 };
  return {
    condition: r.condition ?? 'ANY',
    delayMs: Math.max(0, Math.floor(Number(r.delayNs ?? 0) / NS_PER_MS)),
    maxAttempts: Number(r.maxAttempts ?? 0),
    windowMs: Math.max(0, Math.floor(Number(r.windowNs ?? 0) / NS_PER_MS)),
  };
}

export type RestartDecision =
  { kind: 'now' } | { kind: 'at'; at: number } | { kind: 'never'; reason: string };

/**
 * @param ended the slot's newest task, which ended by itself
 * @param slotTasks every task of the slot (or node) still in the store, history included
 * @param job jobs never restart a task that completed: completion is the goal
 */
export function decideRestart(
  ended: Task,
  slotTasks: readonly Task[],
  policy: RestartPolicy,
  now: number,
  job: boolean,
): RestartDecision {
  const condition = job && policy.condition === 'ANY' ? 'ON_FAILURE' : policy.condition;
  if (condition === 'NONE') return { kind: 'never', reason: 'restart condition is none' };
  if (condition === 'ON_FAILURE' && !isFailure(ended)) {
    return { kind: 'never', reason: 'task completed and the restart condition is on-failure' };
  }
  if (policy.maxAttempts > 0) {
    // Attempts count per spec version: after `service update` the new spec gets a fresh
    // budget, as the user most likely fixed what made it fail.
    const counts = condition === 'ANY' ? exitedOnItsOwn : isFailure;
    const since = policy.windowMs > 0 ? now - policy.windowMs : -Infinity;
    let attempts = 0;
    for (const t of slotTasks) {
      if (t.specVersion === ended.specVersion && counts(t) && stateSince(t) > since) attempts++;
    }
    // The first run is not a restart: with max_attempts=2 a task runs at most 3 times.
    if (attempts > policy.maxAttempts) {
      return { kind: 'never', reason: `gave up after ${policy.maxAttempts} restart attempts` };
    }
  }
  const due = stateSince(ended) + policy.delayMs;
  return now >= due ? { kind: 'now' } : { kind: 'at', at: due };
}
