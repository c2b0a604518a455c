// Original file: proto/objects.proto

import type { Long } from '@grpc/proto-loader';

export interface CAConfig {
  'nodeCertExpiryNs'?: (number | string | Long);
}

export interface CAConfig__Output {
  'nodeCertExpiryNs': (number);
}
