// Original file: proto/control.proto

import type { ListFilters as _shoal_api_ListFilters, ListFilters__Output as _shoal_api_ListFilters__Output } from '../../shoal/api/ListFilters';

export interface _shoal_api_ListSecretsRequest_Filters {
  'common'?: (_shoal_api_ListFilters | null);
}

export interface _shoal_api_ListSecretsRequest_Filters__Output {
  'common': (_shoal_api_ListFilters__Output | null);
}

export interface ListSecretsRequest {
  'filters'?: (_shoal_api_ListSecretsRequest_Filters | null);
}

export interface ListSecretsRequest__Output {
  'filters': (_shoal_api_ListSecretsRequest_Filters__Output | null);
}
