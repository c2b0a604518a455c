// Original file: proto/raft.proto

import type { Message as _shoal_raft_Message, Message__Output as _shoal_raft_Message__Output } from '../../shoal/raft/Message';

export interface SnapshotChunk {
  'header'?: (_shoal_raft_Message | null);
  'data'?: (Buffer | Uint8Array | string);
  'last'?: (boolean);
}

export interface SnapshotChunk__Output {
  'header': (_shoal_raft_Message__Output | null);
  'data': (Buffer);
  'last': (boolean);
}
