// Original file: proto/control.proto

import type { ListFilters as _shoal_api_ListFilters, ListFilters__Output as _shoal_api_ListFilters__Output } from '../../shoal/api/ListFilters';

export interface _shoal_api_ListNetworksRequest_Filters {
  'common'?: (_shoal_api_ListFilters | null);
  'drivers'?: (string)[];
}

export interface _shoal_api_ListNetworksRequest_Filters__Output {
  'common': (_shoal_api_ListFilters__Output | null);
  'drivers': (string)[];
}

export interface ListNetworksRequest {
  'filters'?: (_shoal_api_ListNetworksRequest_Filters | null);
}

export interface ListNetworksRequest__Output {
  'filters': (_shoal_api_ListNetworksRequest_Filters__Output | null);
}
