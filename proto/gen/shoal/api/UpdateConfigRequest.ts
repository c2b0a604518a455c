// Original file: proto/control.proto

import type { ConfigSpec as _shoal_api_ConfigSpec, ConfigSpec__Output as _shoal_api_ConfigSpec__Output } from '../../shoal/api/ConfigSpec';
import type { Long } from '@grpc/proto-loader';

export interface UpdateConfigRequest {
  'configId'?: (string);
  'configVersion'?: (number | string | Long);
  'spec'?: (_shoal_api_ConfigSpec | null);
}

export interface UpdateConfigRequest__Output {
  'configId': (string);
  'configVersion': (number);
  'spec': (_shoal_api_ConfigSpec__Output | null);
}
