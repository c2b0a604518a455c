// Original file: proto/dispatcher.proto

import type { Task as _shoal_api_Task, Task__Output as _shoal_api_Task__Output } from '../../shoal/api/Task';
import type { Secret as _shoal_api_Secret, Secret__Output as _shoal_api_Secret__Output } from '../../shoal/api/Secret';
import type { Config as _shoal_api_Config, Config__Output as _shoal_api_Config__Output } from '../../shoal/api/Config';

export interface Assignment {
  'task'?: (_shoal_api_Task | null);
  'secret'?: (_shoal_api_Secret | null);
  'config'?: (_shoal_api_Config | null);
  'item'?: "task"|"secret"|"config";
}

export interface Assignment__Output {
  'task'?: (_shoal_api_Task__Output | null);
  'secret'?: (_shoal_api_Secret__Output | null);
  'config'?: (_shoal_api_Config__Output | null);
  'item'?: "task"|"secret"|"config";
}
