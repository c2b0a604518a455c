// Original file: proto/control.proto

import type { ListFilters as _shoal_api_ListFilters, ListFilters__Output as _shoal_api_ListFilters__Output } from '../../shoal/api/ListFilters';
import type { TaskState as _shoal_api_TaskState, TaskState__Output as _shoal_api_TaskState__Output } from '../../shoal/api/TaskState';
import type { Long } from '@grpc/proto-loader';

export interface _shoal_api_ListTasksRequest_Filters {
  'common'?: (_shoal_api_ListFilters | null);
  'serviceIds'?: (string)[];
  'nodeIds'?: (string)[];
  'desiredStates'?: (_shoal_api_TaskState)[];
  'slots'?: (number | string | Long)[];
  'upToDate'?: (boolean);
}

export interface _shoal_api_ListTasksRequest_Filters__Output {
  'common': (_shoal_api_ListFilters__Output | null);
  'serviceIds': (string)[];
  'nodeIds': (string)[];
  'desiredStates': (_shoal_api_TaskState__Output)[];
  'slots': (number)[];
  'upToDate': (boolean);
}

export interface ListTasksRequest {
  'filters'?: (_shoal_api_ListTasksRequest_Filters | null);
}

export interface ListTasksRequest__Output {
  'filters': (_shoal_api_ListTasksRequest_Filters__Output | null);
}
