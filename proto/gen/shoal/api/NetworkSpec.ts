// Original file: proto/objects.proto

import type { Annotations as _shoal_api_Annotations, Annotations__Output as _shoal_api_Annotations__Output } from '../../shoal/api/Annotations';
import type { IPAMOptions as _shoal_api_IPAMOptions, IPAMOptions__Output as _shoal_api_IPAMOptions__Output } from '../../shoal/api/IPAMOptions';

export interface NetworkSpec {
  'annotations'?: (_shoal_api_Annotations | null);
  'driver'?: (string);
  'driverOptions'?: ({[key: string]: string});
  'ipam'?: (_shoal_api_IPAMOptions | null);
  'internal'?: (boolean);
  'attachable'?: (boolean);
  'ingress'?: (boolean);
}

export interface NetworkSpec__Output {
  'annotations': (_shoal_api_Annotations__Output | null);
  'driver': (string);
  'driverOptions': ({[key: string]: string});
  'ipam': (_shoal_api_IPAMOptions__Output | null);
  'internal': (boolean);
  'attachable': (boolean);
  'ingress': (boolean);
}
