// Original file: proto/control.proto

import type { Long } from '@grpc/proto-loader';

export interface ServiceStatus {
  'runningTasks'?: (number | string | Long);
  'desiredTasks'?: (number | string | Long);
}

export interface ServiceStatus__Output {
  'runningTasks': (number);
  'desiredTasks': (number);
}
