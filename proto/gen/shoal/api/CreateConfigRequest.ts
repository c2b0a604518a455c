// Original file: proto/control.proto

import type { ConfigSpec as _shoal_api_ConfigSpec, ConfigSpec__Output as _shoal_api_ConfigSpec__Output } from '../../shoal/api/ConfigSpec';

export interface CreateConfigRequest {
  'spec'?: (_shoal_api_ConfigSpec | null);
}

export interface CreateConfigRequest__Output {
  'spec': (_shoal_api_ConfigSpec__Output | null);
}
