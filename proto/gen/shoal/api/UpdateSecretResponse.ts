// Original file: proto/control.proto

import type { Secret as _shoal_api_Secret, Secret__Output as _shoal_api_Secret__Output } from '../../shoal/api/Secret';

export interface UpdateSecretResponse {
  'secret'?: (_shoal_api_Secret | null);
}

export interface UpdateSecretResponse__Output {
  'secret': (_shoal_api_Secret__Output | null);
}
