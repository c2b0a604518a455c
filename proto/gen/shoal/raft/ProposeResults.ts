// Original file: proto/raft.proto

import type { ProposeResult as _shoal_raft_ProposeResult, ProposeResult__Output as _shoal_raft_ProposeResult__Output } from '../../shoal/raft/ProposeResult';

export interface ProposeResults {
  'results'?: (_shoal_raft_ProposeResult)[];
}

export interface ProposeResults__Output {
  'results': (_shoal_raft_ProposeResult__Output)[];
}
