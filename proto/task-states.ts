// Task states are ordered, as in Docker Swarm: a task only moves forward, and "at or
// past X" is a comparison. The numbers are swarmkit's; managers and agents share them
// so both sides agree on what "running", "exited" and "moving back" mean.
import type { TaskState } from './api-types';

export const TASK_STATE_ORDER: Readonly<Record<TaskState, number>> = {
  NEW: 0,
  PENDING: 64,
  ASSIGNED: 192,
  ACCEPTED: 256,
  PREPARING: 320,
  READY: 384,
  STARTING: 448,
  RUNNING: 512,
  COMPLETE: 576,
  SHUTDOWN: 640,
  FAILED: 704,
  REJECTED: 768,
  REMOVE: 800,
  ORPHANED: 832,
};
