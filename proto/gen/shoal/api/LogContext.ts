// Original file: proto/logs.proto

import type { Long } from '@grpc/proto-loader';

export interface LogContext {
  'serviceId'?: (string);
  'nodeId'?: (string);
  'taskId'?: (string);
  'serviceName'?: (string);
  'slot'?: (number | string | Long);
  'nodeHostname'?: (string);
}

export interface LogContext__Output {
  'serviceId': (string);
  'nodeId': (string);
  'taskId': (string);
  'serviceName': (string);
  'slot': (number);
  'nodeHostname': (string);
}
