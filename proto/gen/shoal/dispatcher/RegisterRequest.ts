// Original file: proto/dispatcher.proto

import type { NodeDescription as _shoal_api_NodeDescription, NodeDescription__Output as _shoal_api_NodeDescription__Output } from '../../shoal/api/NodeDescription';

export interface RegisterRequest {
  'description'?: (_shoal_api_NodeDescription | null);
}

export interface RegisterRequest__Output {
  'description': (_shoal_api_NodeDescription__Output | null);
}
