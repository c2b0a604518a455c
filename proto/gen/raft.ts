import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { ConfState as _shoal_raft_ConfState, ConfState__Output as _shoal_raft_ConfState__Output } from './shoal/raft/ConfState';
import type { Entry as _shoal_raft_Entry, Entry__Output as _shoal_raft_Entry__Output } from './shoal/raft/Entry';
import type { Message as _shoal_raft_Message, Message__Output as _shoal_raft_Message__Output } from './shoal/raft/Message';
import type { MessageBatch as _shoal_raft_MessageBatch, MessageBatch__Output as _shoal_raft_MessageBatch__Output } from './shoal/raft/MessageBatch';
import type { ProposeBatch as _shoal_raft_ProposeBatch, ProposeBatch__Output as _shoal_raft_ProposeBatch__Output } from './shoal/raft/ProposeBatch';
import type { ProposeItem as _shoal_raft_ProposeItem, ProposeItem__Output as _shoal_raft_ProposeItem__Output } from './shoal/raft/ProposeItem';
import type { ProposeRequest as _shoal_raft_ProposeRequest, ProposeRequest__Output as _shoal_raft_ProposeRequest__Output } from './shoal/raft/ProposeRequest';
import type { ProposeResponse as _shoal_raft_ProposeResponse, ProposeResponse__Output as _shoal_raft_ProposeResponse__Output } from './shoal/raft/ProposeResponse';
import type { ProposeResult as _shoal_raft_ProposeResult, ProposeResult__Output as _shoal_raft_ProposeResult__Output } from './shoal/raft/ProposeResult';
import type { ProposeResults as _shoal_raft_ProposeResults, ProposeResults__Output as _shoal_raft_ProposeResults__Output } from './shoal/raft/ProposeResults';
import type { RaftClient as _shoal_raft_RaftClient, RaftDefinition as _shoal_raft_RaftDefinition } from './shoal/raft/Raft';
import type { SendAck as _shoal_raft_SendAck, SendAck__Output as _shoal_raft_SendAck__Output } from './shoal/raft/SendAck';
import type { SnapshotChunk as _shoal_raft_SnapshotChunk, SnapshotChunk__Output as _shoal_raft_SnapshotChunk__Output } from './shoal/raft/SnapshotChunk';
import type { SnapshotMeta as _shoal_raft_SnapshotMeta, SnapshotMeta__Output as _shoal_raft_SnapshotMeta__Output } from './shoal/raft/SnapshotMeta';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  shoal: {
    raft: {
      ConfState: MessageTypeDefinition<_shoal_raft_ConfState, _shoal_raft_ConfState__Output>
      Entry: MessageTypeDefinition<_shoal_raft_Entry, _shoal_raft_Entry__Output>
      Message: MessageTypeDefinition<_shoal_raft_Message, _shoal_raft_Message__Output>
      MessageBatch: MessageTypeDefinition<_shoal_raft_MessageBatch, _shoal_raft_MessageBatch__Output>
      MessageType: EnumTypeDefinition
      ProposeBatch: MessageTypeDefinition<_shoal_raft_ProposeBatch, _shoal_raft_ProposeBatch__Output>
      ProposeItem: MessageTypeDefinition<_shoal_raft_ProposeItem, _shoal_raft_ProposeItem__Output>
      ProposeRequest: MessageTypeDefinition<_shoal_raft_ProposeRequest, _shoal_raft_ProposeRequest__Output>
      ProposeResponse: MessageTypeDefinition<_shoal_raft_ProposeResponse, _shoal_raft_ProposeResponse__Output>
      ProposeResult: MessageTypeDefinition<_shoal_raft_ProposeResult, _shoal_raft_ProposeResult__Output>
      ProposeResults: MessageTypeDefinition<_shoal_raft_ProposeResults, _shoal_raft_ProposeResults__Output>
      Raft: SubtypeConstructor<typeof grpc.Client, _shoal_raft_RaftClient> & { service: _shoal_raft_RaftDefinition }
      SendAck: MessageTypeDefinition<_shoal_raft_SendAck, _shoal_raft_SendAck__Output>
      SnapshotChunk: MessageTypeDefinition<_shoal_raft_SnapshotChunk, _shoal_raft_SnapshotChunk__Output>
      SnapshotMeta: MessageTypeDefinition<_shoal_raft_SnapshotMeta, _shoal_raft_SnapshotMeta__Output>
    }
  }
}

