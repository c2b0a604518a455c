// Original file: proto/control.proto

import type { Cluster as _shoal_api_Cluster, Cluster__Output as _shoal_api_Cluster__Output } from '../../shoal/api/Cluster';

export interface ListClustersResponse {
  'clusters'?: (_shoal_api_Cluster)[];
}

export interface ListClustersResponse__Output {
  'clusters': (_shoal_api_Cluster__Output)[];
}
