// Original file: proto/objects.proto

import type { Platform as _shoal_api_Platform, Platform__Output as _shoal_api_Platform__Output } from '../../shoal/api/Platform';
import type { Resources as _shoal_api_Resources, Resources__Output as _shoal_api_Resources__Output } from '../../shoal/api/Resources';
import type { EngineDescription as _shoal_api_EngineDescription, EngineDescription__Output as _shoal_api_EngineDescription__Output } from '../../shoal/api/EngineDescription';

export interface NodeDescription {
  'hostname'?: (string);
  'platform'?: (_shoal_api_Platform | null);
  'resources'?: (_shoal_api_Resources | null);
  'engine'?: (_shoal_api_EngineDescription | null);
}

export interface NodeDescription__Output {
  'hostname': (string);
  'platform': (_shoal_api_Platform__Output | null);
  'resources': (_shoal_api_Resources__Output | null);
  'engine': (_shoal_api_EngineDescription__Output | null);
}
