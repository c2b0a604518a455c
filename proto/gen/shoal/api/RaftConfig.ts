// Original file: proto/objects.proto

import type { Long } from '@grpc/proto-loader';

export interface RaftConfig {
  'snapshotInterval'?: (number | string | Long);
  'keepOldSnapshots'?: (number | string | Long);
  'electionTick'?: (number);
  'heartbeatTick'?: (number);
}

export interface RaftConfig__Output {
  'snapshotInterval': (number);
  'keepOldSnapshots': (number);
  'electionTick': (number);
  'heartbeatTick': (number);
}
