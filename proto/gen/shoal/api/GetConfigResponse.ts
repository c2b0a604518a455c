// Original file: proto/control.proto

import type { Config as _shoal_api_Config, Config__Output as _shoal_api_Config__Output } from '../../shoal/api/Config';

export interface GetConfigResponse {
  'config'?: (_shoal_api_Config | null);
}

export interface GetConfigResponse__Output {
  'config': (_shoal_api_Config__Output | null);
}
