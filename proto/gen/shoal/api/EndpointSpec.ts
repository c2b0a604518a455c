// Original file: proto/objects.proto

import type { PortConfig as _shoal_api_PortConfig, PortConfig__Output as _shoal_api_PortConfig__Output } from '../../shoal/api/PortConfig';

// Original file: proto/objects.proto

export const _shoal_api_EndpointSpec_ResolutionMode = {
  VIP: 'VIP',
  DNSRR: 'DNSRR',
} as const;

export type _shoal_api_EndpointSpec_ResolutionMode =
  | 'VIP'
  | 0
  | 'DNSRR'
  | 1

export type _shoal_api_EndpointSpec_ResolutionMode__Output = typeof _shoal_api_EndpointSpec_ResolutionMode[keyof typeof _shoal_api_EndpointSpec_ResolutionMode]

export interface EndpointSpec {
  'mode'?: (_shoal_api_EndpointSpec_ResolutionMode);
  'ports'?: (_shoal_api_PortConfig)[];
}

export interface EndpointSpec__Output {
  'mode': (_shoal_api_EndpointSpec_ResolutionMode__Output);
  'ports': (_shoal_api_PortConfig__Output)[];
}
