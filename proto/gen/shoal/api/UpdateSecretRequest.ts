// Original file: proto/control.proto

import type { SecretSpec as _shoal_api_SecretSpec, SecretSpec__Output as _shoal_api_SecretSpec__Output } from '../../shoal/api/SecretSpec';
import type { Long } from '@grpc/proto-loader';

export interface UpdateSecretRequest {
  'secretId'?: (string);
  'secretVersion'?: (number | string | Long);
  'spec'?: (_shoal_api_SecretSpec | null);
}

export interface UpdateSecretRequest__Output {
  'secretId': (string);
  'secretVersion': (number);
  'spec': (_shoal_api_SecretSpec__Output | null);
}
