// Original file: proto/control.proto

import type { Config as _shoal_api_Config, Config__Output as _shoal_api_Config__Output } from '../../shoal/api/Config';

export interface ListConfigsResponse {
  'configs'?: (_shoal_api_Config)[];
}

export interface ListConfigsResponse__Output {
  'configs': (_shoal_api_Config__Output)[];
}
