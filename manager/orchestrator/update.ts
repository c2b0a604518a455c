// Rolling updates: when a service's spec version moves past the version its live tasks
// were made from, replace them slot by slot within the service's update config
// (parallelism, delay, stop-first/start-first, failure action, monitor period), and
// record progress in the service's update status. Pure: it reads the slots as they are
// and adds to the pass's plan, so a new leader resumes an update from the store alone.
//
// As in swarmkit's updater, a rollback is the same rollout run with the previous spec
// and the `rollback` config; a failed update with failure action "rollback" swaps the
// specs in the service itself and the next pass rolls the tasks back.
import type { Service, ServiceSpec, Task } from '../api-types';
import { keepOne, PlanBuilder, PlanContext, TaskGroup } from './plan';
import { exitedOnItsOwn, isLive, stateOf, stateSince } from './task-state';

/** Docker's default --update-monitor: failures this soon after a task starts fail the update. */
export const DEFAULT_MONITOR_MS = 5_000;

export interface UpdatePolicy {
  /** Slots replaced at once; Infinity for "all at once" (parallelism 0). */
  parallelism: number;
  delayMs: number;
  order: 'STOP_FIRST' | 'START_FIRST';
  failureAction: 'PAUSE' | 'CONTINUE' | 'ROLLBACK';
  monitorMs: number;
  maxFailureRatio: number;
}

/** One desired slot (replicated) or node (global): its tasks and how to make a new one. */
export interface UpdateSlot {
  group: TaskGroup | undefined;
  make: () => Task;
}

type UpdateState = NonNullable<Service['updateStatus']>['state'];

export const isRollingBack = (s: Service): boolean =>
  s.updateStatus?.state === 'ROLLBACK_STARTED' || s.updateStatus?.state === 'ROLLBACK_PAUSED';

/** The config that governs the rollout now: `rollback` while rolling back, else `update`. */
export function updatePolicyOf(service: Service): UpdatePolicy {
  const spec = service.spec;
  const cfg = isRollingBack(service) ? (spec?.rollback ?? spec?.update) : spec?.update;
  // No config at all means Docker's defaults: one at a time, no delay, stop-first, pause.
  if (!cfg)
    return {
      parallelism: 1,
      delayMs: 0,
      order: 'STOP_FIRST',
      failureAction: 'PAUSE',
      monitorMs: DEFAULT_MONITOR_MS,
      maxFailureRatio: 0,
    };
  const p = Number(cfg.parallelism);
  return {
    parallelism: p === 0 ? Infinity : p,
    delayMs: Number(cfg.delayNs) / 1e6,
    order: cfg.order === 'START_FIRST' ? 'START_FIRST' : 'STOP_FIRST',
    failureAction:
      cfg.failureAction === 'CONTINUE' || cfg.failureAction === 'ROLLBACK' ? cfg.failureAction : 'PAUSE',
    monitorMs: Number(cfg.monitorNs) > 0 ? Number(cfg.monitorNs) / 1e6 : DEFAULT_MONITOR_MS,
    maxFailureRatio: Number(cfg.maxFailureRatio) || 0,
  };
}

/**
 * Made from an older spec version and a different task spec: a rollback (or an update
 * back to an earlier spec) leaves tasks that already run what the service asks alone.
 */
export function isOutdated(t: Task, s: Service): boolean {
  if (Number(t.specVersion) >= Number(s.specVersion)) return false;
  return (
    JSON.stringify(t.spec) !== JSON.stringify(s.spec?.task) ||
    JSON.stringify(t.endpoint?.spec?.ports ?? []) !== JSON.stringify(s.spec?.endpoint?.ports ?? [])
  );
}

/**
 * Start-first leaves two live tasks in a slot for a while: the old one serving and the
 * new one starting. Keeps both until the new one runs, then asks the old one to stop.
 * Returns false when the slot is not in that situation (the usual fill logic applies).
 */
export function settleStartFirst(b: PlanBuilder, service: Service, group: TaskGroup | undefined): boolean {
  if (!group) return false;
  const fresh = group.live.filter((t) => !isOutdated(t, service));
  const old = group.live.filter((t) => isOutdated(t, service));
  if (fresh.length === 0 || old.length === 0) return false;
  const keeper = keepOne(b, fresh, () => 0);
  if (stateOf(keeper) === 'RUNNING') for (const t of old) b.setDesired(t, 'SHUTDOWN');
  return true;
}

/**
 * Adds this pass's share of a rolling update to the plan: stops/starts the next slots,
 * and moves the update status on (paused, rolled back, completed) when that is due.
 */
export function planRollingUpdate(
  b: PlanBuilder,
  service: Service,
  slots: readonly UpdateSlot[],
  ctx: PlanContext,
): void {
  const state: UpdateState = service.updateStatus?.state ?? 'UNKNOWN';
  // A paused update waits for the user (a new update, or a rollback).
  if (state === 'PAUSED' || state === 'ROLLBACK_PAUSED') return;
  const rollingBack = state === 'ROLLBACK_STARTED';
  const active = state === 'UPDATING' || rollingBack;
  const startedAt = Number(service.updateStatus?.startedAt ?? 0);
  const policy = updatePolicyOf(service);

  const candidates: UpdateSlot[] = [];
  let inFlight = 0;
  let lastStarted = 0;
  let failed: Task | undefined;
  let failures = 0;
  for (const slot of slots) {
    const tasks = slot.group?.tasks ?? [];
    const live = tasks.filter((t) => isLive(b.current(t)));
    const fresh = live.filter((t) => !isOutdated(t, service));
    const old = live.filter((t) => isOutdated(t, service));
    // A slot with nothing live is being refilled (in this very plan, or after a restart
    // delay): not done yet, and it counts against the parallelism like a replacement.
    if (fresh.some((t) => stateOf(t) !== 'RUNNING') || live.length === 0) inFlight++;
    else if (old.length > 0 && fresh.length === 0) candidates.push(slot);
    for (const t of fresh)
      if (stateOf(t) === 'RUNNING' && stateSince(t) >= startedAt)
        lastStarted = Math.max(lastStarted, stateSince(t));
    for (const t of tasks) {
      // Tasks of this version that ended by themselves since the update began failed it.
      if (!isOutdated(t, service) && exitedOnItsOwn(t) && stateSince(t) >= startedAt) {
        failures++;
        if (!failed || stateSince(t) > stateSince(failed)) failed = t;
      }
    }
  }

  if (!active) {
    // Outdated tasks with no update under way (a status lost or never written): start one.
    if (candidates.length > 0) setStatus(b, service, 'UPDATING', ctx.now, 'update in progress');
    return;
  }

  if (failed && policy.failureAction !== 'CONTINUE' && failures > policy.maxFailureRatio * slots.length) {
    const cause = failed.status?.err || failed.status?.message || stateOf(failed).toLowerCase();
    const why = `failure or early termination of task ${failed.id} (${cause})`;
    if (policy.failureAction === 'ROLLBACK' && !rollingBack && service.previousSpec) {
      b.updateService(rolledBack(service, ctx.now, `update rolled back due to ${why}`));
    } else {
      const paused = rollingBack ? 'ROLLBACK_PAUSED' : 'PAUSED';
      setStatus(b, service, paused, ctx.now, `${rollingBack ? 'rollback' : 'update'} paused due to ${why}`);
    }
    return;
  }

  if (candidates.length === 0) {
    if (inFlight > 0) return;
    // Every slot runs the new spec; failures within the monitor period still count.
    const done = lastStarted + policy.monitorMs;
    if (ctx.now < done) return b.wake(done);
    setStatus(
      b,
      service,
      rollingBack ? 'ROLLBACK_COMPLETED' : 'COMPLETED',
      ctx.now,
      rollingBack ? 'rollback completed' : 'update completed',
      true,
    );
    return;
  }

  // The delay separates batches: the next starts once the last one ran for that long.
  if (policy.delayMs > 0 && lastStarted > 0) {
    if (inFlight > 0) return;
    const next = lastStarted + policy.delayMs;
    if (ctx.now < next) return b.wake(next);
  }
  const budget = policy.parallelism - inFlight;
  for (const slot of candidates.slice(0, Math.max(0, budget))) {
    // Stop-first frees the slot (and its resources) before the new task is placed;
    // start-first keeps the old task serving until the new one runs (settleStartFirst).
    if (policy.order === 'STOP_FIRST')
      for (const t of slot.group!.live) if (isOutdated(t, service)) b.setDesired(t, 'SHUTDOWN');
    b.create(slot.make(), slot.group);
  }
}

function setStatus(
  b: PlanBuilder,
  service: Service,
  state: UpdateState,
  now: number,
  message: string,
  completed = false,
): void {
  const cur = service.updateStatus;
  if (cur?.state === state && cur.message === message) return;
  b.updateService({
    ...service,
    updateStatus: {
      state,
      startedAt: state === 'UPDATING' ? now : Number(cur?.startedAt ?? now),
      completedAt: completed ? now : 0,
      message,
    },
  });
}

/** The service with its previous spec restored and a rollback under way. */
export function rolledBack(service: Service, now: number, message: string): Service {
  return {
    ...service,
    spec: service.previousSpec as ServiceSpec,
    previousSpec: service.spec,
    specVersion: Number(service.specVersion) + 1,
    updateStatus: { state: 'ROLLBACK_STARTED', startedAt: now, completedAt: 0, message },
  };
}
