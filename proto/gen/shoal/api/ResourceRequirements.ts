// Original file: proto/objects.proto

import type { Resources as _shoal_api_Resources, Resources__Output as _shoal_api_Resources__Output } from '../../shoal/api/Resources';

export interface ResourceRequirements {
  'limits'?: (_shoal_api_Resources | null);
  'reservations'?: (_shoal_api_Resources | null);
}

export interface ResourceRequirements__Output {
  'limits': (_shoal_api_Resources__Output | null);
  'reservations': (_shoal_api_Resources__Output | null);
}
