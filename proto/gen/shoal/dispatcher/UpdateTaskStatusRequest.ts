// Original file: proto/dispatcher.proto

import type { TaskStatusUpdate as _shoal_dispatcher_TaskStatusUpdate, TaskStatusUpdate__Output as _shoal_dispatcher_TaskStatusUpdate__Output } from '../../shoal/dispatcher/TaskStatusUpdate';

export interface UpdateTaskStatusRequest {
  'sessionId'?: (string);
  'updates'?: (_shoal_dispatcher_TaskStatusUpdate)[];
}

export interface UpdateTaskStatusRequest__Output {
  'sessionId': (string);
  'updates': (_shoal_dispatcher_TaskStatusUpdate__Output)[];
}
