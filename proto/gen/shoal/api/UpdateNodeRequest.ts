// Original file: proto/control.proto

import type { NodeSpec as _shoal_api_NodeSpec, NodeSpec__Output as _shoal_api_NodeSpec__Output } from '../../shoal/api/NodeSpec';
import type { Long } from '@grpc/proto-loader';

export interface UpdateNodeRequest {
  'nodeId'?: (string);
  'nodeVersion'?: (number | string | Long);
  'spec'?: (_shoal_api_NodeSpec | null);
}

export interface UpdateNodeRequest__Output {
  'nodeId': (string);
  'nodeVersion': (number);
  'spec': (_shoal_api_NodeSpec__Output | null);
}
