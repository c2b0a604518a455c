// Original file: proto/dispatcher.proto

import type { AssignmentChange as _shoal_dispatcher_AssignmentChange, AssignmentChange__Output as _shoal_dispatcher_AssignmentChange__Output } from '../../shoal/dispatcher/AssignmentChange';

// Original file: proto/dispatcher.proto

export const _shoal_dispatcher_AssignmentsMessage_Type = {
  COMPLETE: 'COMPLETE',
  INCREMENTAL: 'INCREMENTAL',
} as const;

export type _shoal_dispatcher_AssignmentsMessage_Type =
  | 'COMPLETE'
  | 0
  | 'INCREMENTAL'
  | 1

export type _shoal_dispatcher_AssignmentsMessage_Type__Output = typeof _shoal_dispatcher_AssignmentsMessage_Type[keyof typeof _shoal_dispatcher_AssignmentsMessage_Type]

export interface AssignmentsMessage {
  'type'?: (_shoal_dispatcher_AssignmentsMessage_Type);
  'appliesTo'?: (string);
  'resultsIn'?: (string);
  'changes'?: (_shoal_dispatcher_AssignmentChange)[];
}

export interface AssignmentsMessage__Output {
  'type': (_shoal_dispatcher_AssignmentsMessage_Type__Output);
  'appliesTo': (string);
  'resultsIn': (string);
  'changes': (_shoal_dispatcher_AssignmentChange__Output)[];
}
