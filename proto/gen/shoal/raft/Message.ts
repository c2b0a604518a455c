// Original file: proto/raft.proto

import type { MessageType as _shoal_raft_MessageType, MessageType__Output as _shoal_raft_MessageType__Output } from '../../shoal/raft/MessageType';
import type { Entry as _shoal_raft_Entry, Entry__Output as _shoal_raft_Entry__Output } from '../../shoal/raft/Entry';
import type { SnapshotMeta as _shoal_raft_SnapshotMeta, SnapshotMeta__Output as _shoal_raft_SnapshotMeta__Output } from '../../shoal/raft/SnapshotMeta';
import type { Long } from '@grpc/proto-loader';

export interface Message {
  'type'?: (_shoal_raft_MessageType);
  'from'?: (number | string | Long);
  'to'?: (number | string | Long);
  'term'?: (number | string | Long);
  'logTerm'?: (number | string | Long);
  'index'?: (number | string | Long);
  'entries'?: (_shoal_raft_Entry)[];
  'commit'?: (number | string | Long);
  'snapshot'?: (_shoal_raft_SnapshotMeta | null);
  'reject'?: (boolean);
  'rejectHint'?: (number | string | Long);
  'context'?: (Buffer | Uint8Array | string);
}

export interface Message__Output {
  'type': (_shoal_raft_MessageType__Output);
  'from': (number);
  'to': (number);
  'term': (number);
  'logTerm': (number);
  'index': (number);
  'entries': (_shoal_raft_Entry__Output)[];
  'commit': (number);
  'snapshot': (_shoal_raft_SnapshotMeta__Output | null);
  'reject': (boolean);
  'rejectHint': (number);
  'context': (Buffer);
}
