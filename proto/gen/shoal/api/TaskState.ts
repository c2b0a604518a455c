// Original file: proto/objects.proto

export const TaskState = {
  NEW: 'NEW',
  PENDING: 'PENDING',
  ASSIGNED: 'ASSIGNED',
  ACCEPTED: 'ACCEPTED',
  PREPARING: 'PREPARING',
  READY: 'READY',
  STARTING: 'STARTING',
  RUNNING: 'RUNNING',
  COMPLETE: 'COMPLETE',
  SHUTDOWN: 'SHUTDOWN',
  FAILED: 'FAILED',
  REJECTED: 'REJECTED',
  REMOVE: 'REMOVE',
  ORPHANED: 'ORPHANED',
} as const;

export type TaskState =
  | 'NEW'
  | 0
  | 'PENDING'
  | 64
  | 'ASSIGNED'
  | 192
  | 'ACCEPTED'
  | 256
  | 'PREPARING'
  | 320
  | 'READY'
  | 384
  | 'STARTING'
  | 448
  | 'RUNNING'
  | 512
  | 'COMPLETE'
  | 576
  | 'SHUTDOWN'
  | 640
  | 'FAILED'
  | 704
  | 'REJECTED'
  | 768
  | 'REMOVE'
  | 800
  | 'ORPHANED'
  | 832

export type TaskState__Output = typeof TaskState[keyof typeof TaskState]
