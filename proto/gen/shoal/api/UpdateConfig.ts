// Original file: proto/objects.proto

import type { Long } from '@grpc/proto-loader';

// Original file: proto/objects.proto

export const _shoal_api_UpdateConfig_FailureAction = {
  PAUSE: 'PAUSE',
  CONTINUE: 'CONTINUE',
  ROLLBACK: 'ROLLBACK',
} as const;

export type _shoal_api_UpdateConfig_FailureAction =
  | 'PAUSE'
  | 0
  | 'CONTINUE'
  | 1
  | 'ROLLBACK'
  | 2

export type _shoal_api_UpdateConfig_FailureAction__Output = typeof _shoal_api_UpdateConfig_FailureAction[keyof typeof _shoal_api_UpdateConfig_FailureAction]

// Original file: proto/objects.proto

export const _shoal_api_UpdateConfig_Order = {
  STOP_FIRST: 'STOP_FIRST',
  START_FIRST: 'START_FIRST',
} as const;

export type _shoal_api_UpdateConfig_Order =
  | 'STOP_FIRST'
  | 0
  | 'START_FIRST'
  | 1

export type _shoal_api_UpdateConfig_Order__Output = typeof _shoal_api_UpdateConfig_Order[keyof typeof _shoal_api_UpdateConfig_Order]

export interface UpdateConfig {
  'parallelism'?: (number | string | Long);
  'delayNs'?: (number | string | Long);
  'failureAction'?: (_shoal_api_UpdateConfig_FailureAction);
  'monitorNs'?: (number | string | Long);
  'maxFailureRatio'?: (number | string);
  'order'?: (_shoal_api_UpdateConfig_Order);
}

export interface UpdateConfig__Output {
  'parallelism': (number);
  'delayNs': (number);
  'failureAction': (_shoal_api_UpdateConfig_FailureAction__Output);
  'monitorNs': (number);
  'maxFailureRatio': (number);
  'order': (_shoal_api_UpdateConfig_Order__Output);
}
