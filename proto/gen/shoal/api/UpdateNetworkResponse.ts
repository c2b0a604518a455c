// Original file: proto/control.proto

import type { Network as _shoal_api_Network, Network__Output as _shoal_api_Network__Output } from '../../shoal/api/Network';

export interface UpdateNetworkResponse {
  'network'?: (_shoal_api_Network | null);
}

export interface UpdateNetworkResponse__Output {
  'network': (_shoal_api_Network__Output | null);
}
