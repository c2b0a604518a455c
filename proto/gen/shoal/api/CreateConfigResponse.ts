// Original file: proto/control.proto

import type { Config as _shoal_api_Config, Config__Output as _shoal_api_Config__Output } from '../../shoal/api/Config';

export interface CreateConfigResponse {
  'config'?: (_shoal_api_Config | null);
}

export interface CreateConfigResponse__Output {
  'config': (_shoal_api_Config__Output | null);
}
