// Original file: proto/objects.proto

import type { Long } from '@grpc/proto-loader';

export interface OrchestrationConfig {
  'taskHistoryRetentionLimit'?: (number | string | Long);
}

export interface OrchestrationConfig__Output {
  'taskHistoryRetentionLimit': (number);
}
