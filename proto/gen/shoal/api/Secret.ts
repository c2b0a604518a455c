// Original file: proto/objects.proto

import type { Meta as _shoal_api_Meta, Meta__Output as _shoal_api_Meta__Output } from '../../shoal/api/Meta';
import type { SecretSpec as _shoal_api_SecretSpec, SecretSpec__Output as _shoal_api_SecretSpec__Output } from '../../shoal/api/SecretSpec';

export interface Secret {
  'id'?: (string);
  'meta'?: (_shoal_api_Meta | null);
  'spec'?: (_shoal_api_SecretSpec | null);
  'sealedData'?: (string);
  'internal'?: (boolean);
}

export interface Secret__Output {
  'id': (string);
  'meta': (_shoal_api_Meta__Output | null);
  'spec': (_shoal_api_SecretSpec__Output | null);
  'sealedData': (string);
  'internal': (boolean);
}
