// Writing a plan: all of it in one transaction, so it applies whole or not at all.
import { MAX_ACTIONS, StoreError, TxBuilder } from '../store';
import type { Plan } from './plan';

export function writePlan(tx: TxBuilder, plan: Plan): void {
  if (plan.guard) tx.services.update(plan.guard);
  for (const t of plan.updates) tx.tasks.update(t);
  for (const t of plan.creates) tx.tasks.create(t);
  for (const d of plan.deletes) tx.tasks.delete(d.id, d.version);
  if (plan.deleteService) tx.services.delete(plan.deleteService.id, plan.deleteService.version);
}

export function planSize(plan: Plan): number {
  return (
    plan.creates.length +
    plan.updates.length +
    plan.deletes.length +
    (plan.guard ? 1 : 0) +
    (plan.deleteService ? 1 : 0)
  );
}

/**
 * Keeps a plan within one transaction's limit by leaving out creates (the next pass
 * plans them again). Updates and deletes stay: they are bounded by the tasks that exist.
 */
export function truncatePlan(plan: Plan, maxActions = MAX_ACTIONS): { plan: Plan; truncated: boolean } {
  const size = planSize(plan);
  if (size <= maxActions) return { plan, truncated: false };
  const room = Math.max(0, plan.creates.length - (size - maxActions));
  return { plan: { ...plan, creates: plan.creates.slice(0, room) }, truncated: true };
}

/** Failures that mean "the state moved under this plan": recompute and try again. */
export function isStalePlanError(err: unknown): boolean {
  return (
    err instanceof StoreError &&
    (err.storeCode === 'version-conflict' || err.storeCode === 'not-found' || err.storeCode === 'exists')
  );
}
