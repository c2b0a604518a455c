// Original file: proto/control.proto

import type { ClusterSpec as _shoal_api_ClusterSpec, ClusterSpec__Output as _shoal_api_ClusterSpec__Output } from '../../shoal/api/ClusterSpec';
import type { KeyRotation as _shoal_api_KeyRotation, KeyRotation__Output as _shoal_api_KeyRotation__Output } from '../../shoal/api/KeyRotation';
import type { Long } from '@grpc/proto-loader';

export interface UpdateClusterRequest {
  'clusterId'?: (string);
  'clusterVersion'?: (number | string | Long);
  'spec'?: (_shoal_api_ClusterSpec | null);
  'rotation'?: (_shoal_api_KeyRotation | null);
}

export interface UpdateClusterRequest__Output {
  'clusterId': (string);
  'clusterVersion': (number);
  'spec': (_shoal_api_ClusterSpec__Output | null);
  'rotation': (_shoal_api_KeyRotation__Output | null);
}
