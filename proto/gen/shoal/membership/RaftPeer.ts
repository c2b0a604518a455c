// Original file: proto/membership.proto

import type { Long } from '@grpc/proto-loader';

export interface RaftPeer {
  'raftId'?: (number | string | Long);
  'addr'?: (string);
}

export interface RaftPeer__Output {
  'raftId': (number);
  'addr': (string);
}
