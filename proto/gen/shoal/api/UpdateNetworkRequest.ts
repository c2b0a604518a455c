// Original file: proto/control.proto

import type { NetworkSpec as _shoal_api_NetworkSpec, NetworkSpec__Output as _shoal_api_NetworkSpec__Output } from '../../shoal/api/NetworkSpec';
import type { Long } from '@grpc/proto-loader';

export interface UpdateNetworkRequest {
  'networkId'?: (string);
  'networkVersion'?: (number | string | Long);
  'spec'?: (_shoal_api_NetworkSpec | null);
}

export interface UpdateNetworkRequest__Output {
  'networkId': (string);
  'networkVersion': (number);
  'spec': (_shoal_api_NetworkSpec__Output | null);
}
