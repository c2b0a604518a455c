// Original file: proto/objects.proto

import type { Long } from '@grpc/proto-loader';

// Original file: proto/objects.proto

export const _shoal_api_UpdateStatus_State = {
  UNKNOWN: 'UNKNOWN',
  UPDATING: 'UPDATING',
  PAUSED: 'PAUSED',
  COMPLETED: 'COMPLETED',
  ROLLBACK_STARTED: 'ROLLBACK_STARTED',
  ROLLBACK_PAUSED: 'ROLLBACK_PAUSED',
  ROLLBACK_COMPLETED: 'ROLLBACK_COMPLETED',
} as const;

export type _shoal_api_UpdateStatus_State =
  | 'UNKNOWN'
  | 0
  | 'UPDATING'
  | 1
  | 'PAUSED'
  | 2
  | 'COMPLETED'
  | 3
  | 'ROLLBACK_STARTED'
  | 4
  | 'ROLLBACK_PAUSED'
  | 5
  | 'ROLLBACK_COMPLETED'
  | 6

export type _shoal_api_UpdateStatus_State__Output = typeof _shoal_api_UpdateStatus_State[keyof typeof _shoal_api_UpdateStatus_State]

export interface UpdateStatus {
  'state'?: (_shoal_api_UpdateStatus_State);
  'startedAt'?: (number | string | Long);
  'completedAt'?: (number | string | Long);
  'message'?: (string);
}

export interface UpdateStatus__Output {
  'state': (_shoal_api_UpdateStatus_State__Output);
  'startedAt': (number);
  'completedAt': (number);
  'message': (string);
}
