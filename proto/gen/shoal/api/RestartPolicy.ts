// Original file: proto/objects.proto

import type { Long } from '@grpc/proto-loader';

// Original file: proto/objects.proto

export const _shoal_api_RestartPolicy_Condition = {
  ANY: 'ANY',
  ON_FAILURE: 'ON_FAILURE',
  NONE: 'NONE',
} as const;

export type _shoal_api_RestartPolicy_Condition =
  | 'ANY'
  | 0
  | 'ON_FAILURE'
  | 1
  | 'NONE'
  | 2

export type _shoal_api_RestartPolicy_Condition__Output = typeof _shoal_api_RestartPolicy_Condition[keyof typeof _shoal_api_RestartPolicy_Condition]

export interface RestartPolicy {
  'condition'?: (_shoal_api_RestartPolicy_Condition);
  'delayNs'?: (number | string | Long);
  'maxAttempts'?: (number | string | Long);
  'windowNs'?: (number | string | Long);
}

export interface RestartPolicy__Output {
  'condition': (_shoal_api_RestartPolicy_Condition__Output);
  'delayNs': (number);
  'maxAttempts': (number);
  'windowNs': (number);
}
