// Original file: proto/objects.proto

import type { Annotations as _shoal_api_Annotations, Annotations__Output as _shoal_api_Annotations__Output } from '../../shoal/api/Annotations';

export interface ConfigSpec {
  'annotations'?: (_shoal_api_Annotations | null);
  'data'?: (Buffer | Uint8Array | string);
}

export interface ConfigSpec__Output {
  'annotations': (_shoal_api_Annotations__Output | null);
  'data': (Buffer);
}
