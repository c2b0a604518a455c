// Original file: proto/control.proto

import type { SecretSpec as _shoal_api_SecretSpec, SecretSpec__Output as _shoal_api_SecretSpec__Output } from '../../shoal/api/SecretSpec';

export interface CreateSecretRequest {
  'spec'?: (_shoal_api_SecretSpec | null);
}

export interface CreateSecretRequest__Output {
  'spec': (_shoal_api_SecretSpec__Output | null);
}
