// Original file: proto/control.proto

import type { Network as _shoal_api_Network, Network__Output as _shoal_api_Network__Output } from '../../shoal/api/Network';

export interface ListNetworksResponse {
  'networks'?: (_shoal_api_Network)[];
}

export interface ListNetworksResponse__Output {
  'networks': (_shoal_api_Network__Output)[];
}
