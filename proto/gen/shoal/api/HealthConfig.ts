// Original file: proto/objects.proto

import type { Long } from '@grpc/proto-loader';

export interface HealthConfig {
  'test'?: (string)[];
  'intervalNs'?: (number | string | Long);
  'timeoutNs'?: (number | string | Long);
  'retries'?: (number);
  'startPeriodNs'?: (number | string | Long);
}

export interface HealthConfig__Output {
  'test': (string)[];
  'intervalNs': (number);
  'timeoutNs': (number);
  'retries': (number);
  'startPeriodNs': (number);
}
