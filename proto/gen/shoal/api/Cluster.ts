// Original file: proto/objects.proto

import type { Meta as _shoal_api_Meta, Meta__Output as _shoal_api_Meta__Output } from '../../shoal/api/Meta';
import type { ClusterSpec as _shoal_api_ClusterSpec, ClusterSpec__Output as _shoal_api_ClusterSpec__Output } from '../../shoal/api/ClusterSpec';
import type { RootCA as _shoal_api_RootCA, RootCA__Output as _shoal_api_RootCA__Output } from '../../shoal/api/RootCA';

export interface Cluster {
  'id'?: (string);
  'meta'?: (_shoal_api_Meta | null);
  'spec'?: (_shoal_api_ClusterSpec | null);
  'rootCa'?: (_shoal_api_RootCA | null);
}

export interface Cluster__Output {
  'id': (string);
  'meta': (_shoal_api_Meta__Output | null);
  'spec': (_shoal_api_ClusterSpec__Output | null);
  'rootCa': (_shoal_api_RootCA__Output | null);
}
