// Original file: proto/raft.proto

import type { ProposeItem as _shoal_raft_ProposeItem, ProposeItem__Output as _shoal_raft_ProposeItem__Output } from '../../shoal/raft/ProposeItem';

export interface ProposeBatch {
  'items'?: (_shoal_raft_ProposeItem)[];
}

export interface ProposeBatch__Output {
  'items': (_shoal_raft_ProposeItem__Output)[];
}
