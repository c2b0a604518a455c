// Original file: proto/dispatcher.proto

import type { Assignment as _shoal_dispatcher_Assignment, Assignment__Output as _shoal_dispatcher_Assignment__Output } from '../../shoal/dispatcher/Assignment';

// Original file: proto/dispatcher.proto

export const _shoal_dispatcher_AssignmentChange_Action = {
  UPDATE: 'UPDATE',
  REMOVE: 'REMOVE',
} as const;

export type _shoal_dispatcher_AssignmentChange_Action =
  | 'UPDATE'
  | 0
  | 'REMOVE'
  | 1

export type _shoal_dispatcher_AssignmentChange_Action__Output = typeof _shoal_dispatcher_AssignmentChange_Action[keyof typeof _shoal_dispatcher_AssignmentChange_Action]

export interface AssignmentChange {
  'assignment'?: (_shoal_dispatcher_Assignment | null);
  'action'?: (_shoal_dispatcher_AssignmentChange_Action);
}

export interface AssignmentChange__Output {
  'assignment': (_shoal_dispatcher_Assignment__Output | null);
  'action': (_shoal_dispatcher_AssignmentChange_Action__Output);
}
