// Original file: proto/objects.proto

import type { Long } from '@grpc/proto-loader';

export interface ReplicatedJob {
  'maxConcurrent'?: (number | string | Long);
  'totalCompletions'?: (number | string | Long);
}

export interface ReplicatedJob__Output {
  'maxConcurrent': (number);
  'totalCompletions': (number);
}
