// Original file: proto/objects.proto

import type { Meta as _shoal_api_Meta, Meta__Output as _shoal_api_Meta__Output } from '../../shoal/api/Meta';
import type { NodeSpec as _shoal_api_NodeSpec, NodeSpec__Output as _shoal_api_NodeSpec__Output } from '../../shoal/api/NodeSpec';
import type { NodeDescription as _shoal_api_NodeDescription, NodeDescription__Output as _shoal_api_NodeDescription__Output } from '../../shoal/api/NodeDescription';
import type { NodeStatus as _shoal_api_NodeStatus, NodeStatus__Output as _shoal_api_NodeStatus__Output } from '../../shoal/api/NodeStatus';
import type { ManagerStatus as _shoal_api_ManagerStatus, ManagerStatus__Output as _shoal_api_ManagerStatus__Output } from '../../shoal/api/ManagerStatus';

export interface Node {
  'id'?: (string);
  'meta'?: (_shoal_api_Meta | null);
  'spec'?: (_shoal_api_NodeSpec | null);
  'description'?: (_shoal_api_NodeDescription | null);
  'status'?: (_shoal_api_NodeStatus | null);
  'managerStatus'?: (_shoal_api_ManagerStatus | null);
  'role'?: (string);
  'certificateDigest'?: (string);
}

export interface Node__Output {
  'id': (string);
  'meta': (_shoal_api_Meta__Output | null);
  'spec': (_shoal_api_NodeSpec__Output | null);
  'description': (_shoal_api_NodeDescription__Output | null);
  'status': (_shoal_api_NodeStatus__Output | null);
  'managerStatus': (_shoal_api_ManagerStatus__Output | null);
  'role': (string);
  'certificateDigest': (string);
}
