// Original file: proto/membership.proto

import type { Long } from '@grpc/proto-loader';

export interface JoinRaftResponse {
  'raftId'?: (number | string | Long);
  'peers'?: ({[key: number]: string});
  'dataKey'?: (string);
}

export interface JoinRaftResponse__Output {
  'raftId': (number);
  'peers': ({[key: number]: string});
  'dataKey': (string);
}
