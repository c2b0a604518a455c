// Original file: proto/objects.proto

import type { Long } from '@grpc/proto-loader';

// Original file: proto/objects.proto

export const _shoal_api_ManagerStatus_Reachability = {
  UNKNOWN: 'UNKNOWN',
  UNREACHABLE: 'UNREACHABLE',
  REACHABLE: 'REACHABLE',
} as const;

export type _shoal_api_ManagerStatus_Reachability =
  | 'UNKNOWN'
  | 0
  | 'UNREACHABLE'
  | 1
  | 'REACHABLE'
  | 2

export type _shoal_api_ManagerStatus_Reachability__Output = typeof _shoal_api_ManagerStatus_Reachability[keyof typeof _shoal_api_ManagerStatus_Reachability]

export interface ManagerStatus {
  'raftId'?: (number | string | Long);
  'addr'?: (string);
  'leader'?: (boolean);
  'reachability'?: (_shoal_api_ManagerStatus_Reachability);
}

export interface ManagerStatus__Output {
  'raftId': (number);
  'addr': (string);
  'leader': (boolean);
  'reachability': (_shoal_api_ManagerStatus_Reachability__Output);
}
