// Original file: proto/control.proto

import type { Task as _shoal_api_Task, Task__Output as _shoal_api_Task__Output } from '../../shoal/api/Task';
import type { Service as _shoal_api_Service, Service__Output as _shoal_api_Service__Output } from '../../shoal/api/Service';

// Original file: proto/control.proto

export const _shoal_api_WatchEvent_Action = {
  UPDATE: 'UPDATE',
  REMOVE: 'REMOVE',
} as const;

export type _shoal_api_WatchEvent_Action =
  | 'UPDATE'
  | 0
  | 'REMOVE'
  | 1

export type _shoal_api_WatchEvent_Action__Output = typeof _shoal_api_WatchEvent_Action[keyof typeof _shoal_api_WatchEvent_Action]

export interface WatchEvent {
  'action'?: (_shoal_api_WatchEvent_Action);
  'task'?: (_shoal_api_Task | null);
  'service'?: (_shoal_api_Service | null);
  'object'?: "task"|"service";
}

export interface WatchEvent__Output {
  'action': (_shoal_api_WatchEvent_Action__Output);
  'task'?: (_shoal_api_Task__Output | null);
  'service'?: (_shoal_api_Service__Output | null);
  'object'?: "task"|"service";
}
