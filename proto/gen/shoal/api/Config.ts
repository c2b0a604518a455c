// Original file: proto/objects.proto

import type { Meta as _shoal_api_Meta, Meta__Output as _shoal_api_Meta__Output } from '../../shoal/api/Meta';
import type { ConfigSpec as _shoal_api_ConfigSpec, ConfigSpec__Output as _shoal_api_ConfigSpec__Output } from '../../shoal/api/ConfigSpec';

export interface Config {
  'id'?: (string);
  'meta'?: (_shoal_api_Meta | null);
  'spec'?: (_shoal_api_ConfigSpec | null);
}

export interface Config__Output {
  'id': (string);
  'meta': (_shoal_api_Meta__Output | null);
  'spec': (_shoal_api_ConfigSpec__Output | null);
}
