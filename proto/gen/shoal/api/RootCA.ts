// Original file: proto/objects.proto

import type { JoinTokens as _shoal_api_JoinTokens, JoinTokens__Output as _shoal_api_JoinTokens__Output } from '../../shoal/api/JoinTokens';

export interface RootCA {
  'caCertPem'?: (string);
  'sealedCaKey'?: (string);
  'caDigest'?: (string);
  'joinTokens'?: (_shoal_api_JoinTokens | null);
}

export interface RootCA__Output {
  'caCertPem': (string);
  'sealedCaKey': (string);
  'caDigest': (string);
  'joinTokens': (_shoal_api_JoinTokens__Output | null);
}
