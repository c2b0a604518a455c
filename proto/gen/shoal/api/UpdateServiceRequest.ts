// Original file: proto/control.proto

import type { ServiceSpec as _shoal_api_ServiceSpec, ServiceSpec__Output as _shoal_api_ServiceSpec__Output } from '../../shoal/api/ServiceSpec';
import type { Long } from '@grpc/proto-loader';

// Original file: proto/control.proto

export const _shoal_api_UpdateServiceRequest_Rollback = {
  NONE: 'NONE',
  PREVIOUS: 'PREVIOUS',
} as const;

export type _shoal_api_UpdateServiceRequest_Rollback =
  | 'NONE'
  | 0
  | 'PREVIOUS'
  | 1

export type _shoal_api_UpdateServiceRequest_Rollback__Output = typeof _shoal_api_UpdateServiceRequest_Rollback[keyof typeof _shoal_api_UpdateServiceRequest_Rollback]

export interface UpdateServiceRequest {
  'serviceId'?: (string);
  'serviceVersion'?: (number | string | Long);
  'spec'?: (_shoal_api_ServiceSpec | null);
  'rollback'?: (_shoal_api_UpdateServiceRequest_Rollback);
}

export interface UpdateServiceRequest__Output {
  'serviceId': (string);
  'serviceVersion': (number);
  'spec': (_shoal_api_ServiceSpec__Output | null);
  'rollback': (_shoal_api_UpdateServiceRequest_Rollback__Output);
}
