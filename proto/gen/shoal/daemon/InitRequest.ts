// Original file: proto/daemon.proto

import type { Long } from '@grpc/proto-loader';

export interface InitRequest {
  'advertiseAddr'?: (string);
  'listenAddr'?: (string);
  'certExpiryNs'?: (number | string | Long);
  'forceNewCluster'?: (boolean);
}

export interface InitRequest__Output {
  'advertiseAddr': (string);
  'listenAddr': (string);
  'certExpiryNs': (number);
  'forceNewCluster': (boolean);
}
