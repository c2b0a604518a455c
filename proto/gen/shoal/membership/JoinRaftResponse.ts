// Original file: proto/membership.proto

import type { RaftPeer as _shoal_membership_RaftPeer, RaftPeer__Output as _shoal_membership_RaftPeer__Output } from '../../shoal/membership/RaftPeer';
import type { Long } from '@grpc/proto-loader';

export interface JoinRaftResponse {
  'raftId'?: (number | string | Long);
  'peers'?: (_shoal_membership_RaftPeer)[];
  'dataKey'?: (string);
}

export interface JoinRaftResponse__Output {
  'raftId': (number);
  'peers': (_shoal_membership_RaftPeer__Output)[];
  'dataKey': (string);
}
