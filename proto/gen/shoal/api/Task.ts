// Original file: proto/objects.proto

import type { Meta as _shoal_api_Meta, Meta__Output as _shoal_api_Meta__Output } from '../../shoal/api/Meta';
import type { TaskSpec as _shoal_api_TaskSpec, TaskSpec__Output as _shoal_api_TaskSpec__Output } from '../../shoal/api/TaskSpec';
import type { Annotations as _shoal_api_Annotations, Annotations__Output as _shoal_api_Annotations__Output } from '../../shoal/api/Annotations';
import type { TaskStatus as _shoal_api_TaskStatus, TaskStatus__Output as _shoal_api_TaskStatus__Output } from '../../shoal/api/TaskStatus';
import type { TaskState as _shoal_api_TaskState, TaskState__Output as _shoal_api_TaskState__Output } from '../../shoal/api/TaskState';
import type { NetworkAttachment as _shoal_api_NetworkAttachment, NetworkAttachment__Output as _shoal_api_NetworkAttachment__Output } from '../../shoal/api/NetworkAttachment';
import type { Endpoint as _shoal_api_Endpoint, Endpoint__Output as _shoal_api_Endpoint__Output } from '../../shoal/api/Endpoint';
import type { Long } from '@grpc/proto-loader';

export interface Task {
  'id'?: (string);
  'meta'?: (_shoal_api_Meta | null);
  'spec'?: (_shoal_api_TaskSpec | null);
  'specVersion'?: (number | string | Long);
  'serviceId'?: (string);
  'slot'?: (number | string | Long);
  'nodeId'?: (string);
  'annotations'?: (_shoal_api_Annotations | null);
  'serviceAnnotations'?: (_shoal_api_Annotations | null);
  'status'?: (_shoal_api_TaskStatus | null);
  'desiredState'?: (_shoal_api_TaskState);
  'networks'?: (_shoal_api_NetworkAttachment)[];
  'endpoint'?: (_shoal_api_Endpoint | null);
  'jobIteration'?: (number | string | Long);
}

export interface Task__Output {
  'id': (string);
  'meta': (_shoal_api_Meta__Output | null);
  'spec': (_shoal_api_TaskSpec__Output | null);
  'specVersion': (number);
  'serviceId': (string);
  'slot': (number);
  'nodeId': (string);
  'annotations': (_shoal_api_Annotations__Output | null);
  'serviceAnnotations': (_shoal_api_Annotations__Output | null);
  'status': (_shoal_api_TaskStatus__Output | null);
  'desiredState': (_shoal_api_TaskState__Output);
  'networks': (_shoal_api_NetworkAttachment__Output)[];
  'endpoint': (_shoal_api_Endpoint__Output | null);
  'jobIteration': (number);
}
