// Original file: proto/control.proto

import type { Task as _shoal_api_Task, Task__Output as _shoal_api_Task__Output } from '../../shoal/api/Task';

export interface GetTaskResponse {
  'task'?: (_shoal_api_Task | null);
}

export interface GetTaskResponse__Output {
  'task': (_shoal_api_Task__Output | null);
}
