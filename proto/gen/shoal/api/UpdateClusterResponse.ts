// Original file: proto/control.proto

import type { Cluster as _shoal_api_Cluster, Cluster__Output as _shoal_api_Cluster__Output } from '../../shoal/api/Cluster';

export interface UpdateClusterResponse {
  'cluster'?: (_shoal_api_Cluster | null);
}

export interface UpdateClusterResponse__Output {
  'cluster': (_shoal_api_Cluster__Output | null);
}
