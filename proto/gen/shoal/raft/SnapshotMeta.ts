// Original file: proto/raft.proto

import type { ConfState as _shoal_raft_ConfState, ConfState__Output as _shoal_raft_ConfState__Output } from '../../shoal/raft/ConfState';
import type { Long } from '@grpc/proto-loader';

export interface SnapshotMeta {
  'index'?: (number | string | Long);
  'term'?: (number | string | Long);
  'confState'?: (_shoal_raft_ConfState | null);
}

export interface SnapshotMeta__Output {
  'index': (number);
  'term': (number);
  'confState': (_shoal_raft_ConfState__Output | null);
}
