// Original file: proto/objects.proto

import type { Meta as _shoal_api_Meta, Meta__Output as _shoal_api_Meta__Output } from '../../shoal/api/Meta';
import type { NetworkSpec as _shoal_api_NetworkSpec, NetworkSpec__Output as _shoal_api_NetworkSpec__Output } from '../../shoal/api/NetworkSpec';
import type { IPAMOptions as _shoal_api_IPAMOptions, IPAMOptions__Output as _shoal_api_IPAMOptions__Output } from '../../shoal/api/IPAMOptions';

export interface Network {
  'id'?: (string);
  'meta'?: (_shoal_api_Meta | null);
  'spec'?: (_shoal_api_NetworkSpec | null);
  'ipam'?: (_shoal_api_IPAMOptions | null);
  'vxlanId'?: (number);
  'pendingDelete'?: (boolean);
}

export interface Network__Output {
  'id': (string);
  'meta': (_shoal_api_Meta__Output | null);
  'spec': (_shoal_api_NetworkSpec__Output | null);
  'ipam': (_shoal_api_IPAMOptions__Output | null);
  'vxlanId': (number);
  'pendingDelete': (boolean);
}
