// Original file: proto/control.proto

import type { ListFilters as _shoal_api_ListFilters, ListFilters__Output as _shoal_api_ListFilters__Output } from '../../shoal/api/ListFilters';

export interface _shoal_api_ListConfigsRequest_Filters {
  'common'?: (_shoal_api_ListFilters | null);
}

export interface _shoal_api_ListConfigsRequest_Filters__Output {
  'common': (_shoal_api_ListFilters__Output | null);
}

export interface ListConfigsRequest {
  'filters'?: (_shoal_api_ListConfigsRequest_Filters | null);
}

export interface ListConfigsRequest__Output {
  'filters': (_shoal_api_ListConfigsRequest_Filters__Output | null);
}
