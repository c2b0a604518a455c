// Original file: proto/control.proto

import type { ListFilters as _shoal_api_ListFilters, ListFilters__Output as _shoal_api_ListFilters__Output } from '../../shoal/api/ListFilters';

export interface _shoal_api_ListServicesRequest_Filters {
  'common'?: (_shoal_api_ListFilters | null);
  'runtimes'?: (string)[];
  'modes'?: (string)[];
}

export interface _shoal_api_ListServicesRequest_Filters__Output {
  'common': (_shoal_api_ListFilters__Output | null);
  'runtimes': (string)[];
  'modes': (string)[];
}

export interface ListServicesRequest {
  'filters'?: (_shoal_api_ListServicesRequest_Filters | null);
  'status'?: (boolean);
}

export interface ListServicesRequest__Output {
  'filters': (_shoal_api_ListServicesRequest_Filters__Output | null);
  'status': (boolean);
}
