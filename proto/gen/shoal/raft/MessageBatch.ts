// Original file: proto/raft.proto

import type { Message as _shoal_raft_Message, Message__Output as _shoal_raft_Message__Output } from '../../shoal/raft/Message';

export interface MessageBatch {
  'messages'?: (_shoal_raft_Message)[];
}

export interface MessageBatch__Output {
  'messages': (_shoal_raft_Message__Output)[];
}
