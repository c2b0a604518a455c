// Original file: proto/objects.proto

import type { TaskState as _shoal_api_TaskState, TaskState__Output as _shoal_api_TaskState__Output } from '../../shoal/api/TaskState';
import type { ContainerStatus as _shoal_api_ContainerStatus, ContainerStatus__Output as _shoal_api_ContainerStatus__Output } from '../../shoal/api/ContainerStatus';
import type { PortStatus as _shoal_api_PortStatus, PortStatus__Output as _shoal_api_PortStatus__Output } from '../../shoal/api/PortStatus';
import type { Long } from '@grpc/proto-loader';

export interface TaskStatus {
  'timestamp'?: (number | string | Long);
  'state'?: (_shoal_api_TaskState);
  'message'?: (string);
  'err'?: (string);
  'container'?: (_shoal_api_ContainerStatus | null);
  'portStatus'?: (_shoal_api_PortStatus | null);
}

export interface TaskStatus__Output {
  'timestamp': (number);
  'state': (_shoal_api_TaskState__Output);
  'message': (string);
  'err': (string);
  'container': (_shoal_api_ContainerStatus__Output | null);
  'portStatus': (_shoal_api_PortStatus__Output | null);
}
