// Original file: proto/objects.proto

import type { Long } from '@grpc/proto-loader';

export interface DispatcherConfig {
  'heartbeatPeriodNs'?: (number | string | Long);
}

export interface DispatcherConfig__Output {
  'heartbeatPeriodNs': (number);
}
