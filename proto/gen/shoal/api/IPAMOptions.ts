// Original file: proto/objects.proto

import type { IPAMConfig as _shoal_api_IPAMConfig, IPAMConfig__Output as _shoal_api_IPAMConfig__Output } from '../../shoal/api/IPAMConfig';

export interface IPAMOptions {
  'driver'?: (string);
  'configs'?: (_shoal_api_IPAMConfig)[];
}

export interface IPAMOptions__Output {
  'driver': (string);
  'configs': (_shoal_api_IPAMConfig__Output)[];
}
