// Original file: proto/control.proto

import type { ListFilters as _shoal_api_ListFilters, ListFilters__Output as _shoal_api_ListFilters__Output } from '../../shoal/api/ListFilters';
import type { _shoal_api_NodeSpec_Membership, _shoal_api_NodeSpec_Membership__Output } from '../../shoal/api/NodeSpec';

export interface _shoal_api_ListNodesRequest_Filters {
  'common'?: (_shoal_api_ListFilters | null);
  'roles'?: (string)[];
  'memberships'?: (_shoal_api_NodeSpec_Membership)[];
}

export interface _shoal_api_ListNodesRequest_Filters__Output {
  'common': (_shoal_api_ListFilters__Output | null);
  'roles': (string)[];
  'memberships': (_shoal_api_NodeSpec_Membership__Output)[];
}

export interface ListNodesRequest {
  'filters'?: (_shoal_api_ListNodesRequest_Filters | null);
}

export interface ListNodesRequest__Output {
  'filters': (_shoal_api_ListNodesRequest_Filters__Output | null);
}
