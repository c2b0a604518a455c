// Task states are ordered (as in Docker Swarm): a task only moves forward, and "at or
// past X" questions are comparisons. Shared by the orchestrators, the scheduler and the
// history reaper so that all three agree on what "live" and "dead" mean.
import type { Node, Task, TaskState } from '../api-types';
import { TASK_STATE_ORDER } from '../../proto/task-states';

export const STATE_RANK = TASK_STATE_ORDER;

export const rank = (s: TaskState): number => STATE_RANK[s] ?? 0;

export const stateOf = (t: Task): TaskState => t.status?.state ?? 'NEW';

/** The task's process has ended (or never will start): COMPLETE and beyond. */
export const hasExited = (t: Task): boolean => rank(stateOf(t)) >= STATE_RANK.COMPLETE;

/**
 * The orchestrator still wants it: desired RUNNING for services, COMPLETE for jobs.
 * SHUTDOWN and REMOVE mean it is on its way out.
 */
export const isWanted = (t: Task): boolean => rank(t.desiredState) <= STATE_RANK.COMPLETE;

/** Wanted and not yet exited: occupies its slot (or its node, for global services). */
export const isLive = (t: Task): boolean => isWanted(t) && !hasExited(t);

/** Holds resources on its node: assigned and not yet exited, whatever is desired. */
export const holdsNode = (t: Task): boolean =>
  t.nodeId !== '' && rank(stateOf(t)) >= STATE_RANK.ASSIGNED && !hasExited(t);

/** Ended by itself (exit, error, refused by the agent) rather than on our request. */
export const exitedOnItsOwn = (t: Task): boolean => {
  const s = stateOf(t);
  return s === 'COMPLETE' || s === 'FAILED' || s === 'REJECTED';
};

export const isFailure = (t: Task): boolean => {
  const s = stateOf(t);
  return s === 'FAILED' || s === 'REJECTED';
};

/** When the task reached its current state, falling back to its last store change. */
export const stateSince = (t: Task): number => t.status?.timestamp || t.meta?.updatedAt || 0;

export const nodeIsReady = (n: Node): boolean => n.status?.state === 'READY';
export const nodeIsDown = (n: Node): boolean => n.status?.state === 'DOWN';
export const availabilityOf = (n: Node) => n.spec?.availability ?? 'ACTIVE';
