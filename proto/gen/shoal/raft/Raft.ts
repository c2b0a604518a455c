// Original file: proto/raft.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { MessageBatch as _shoal_raft_MessageBatch, MessageBatch__Output as _shoal_raft_MessageBatch__Output } from '../../shoal/raft/MessageBatch';
import type { ProposeBatch as _shoal_raft_ProposeBatch, ProposeBatch__Output as _shoal_raft_ProposeBatch__Output } from '../../shoal/raft/ProposeBatch';
import type { ProposeRequest as _shoal_raft_ProposeRequest, ProposeRequest__Output as _shoal_raft_ProposeRequest__Output } from '../../shoal/raft/ProposeRequest';
import type { ProposeResponse as _shoal_raft_ProposeResponse, ProposeResponse__Output as _shoal_raft_ProposeResponse__Output } from '../../shoal/raft/ProposeResponse';
import type { ProposeResults as _shoal_raft_ProposeResults, ProposeResults__Output as _shoal_raft_ProposeResults__Output } from '../../shoal/raft/ProposeResults';
import type { SendAck as _shoal_raft_SendAck, SendAck__Output as _shoal_raft_SendAck__Output } from '../../shoal/raft/SendAck';
import type { SnapshotChunk as _shoal_raft_SnapshotChunk, SnapshotChunk__Output as _shoal_raft_SnapshotChunk__Output } from '../../shoal/raft/SnapshotChunk';

export interface RaftClient extends grpc.Client {
  Propose(argument: _shoal_raft_ProposeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_raft_ProposeResponse__Output>): grpc.ClientUnaryCall;
  Propose(argument: _shoal_raft_ProposeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_raft_ProposeResponse__Output>): grpc.ClientUnaryCall;
  Propose(argument: _shoal_raft_ProposeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_raft_ProposeResponse__Output>): grpc.ClientUnaryCall;
  Propose(argument: _shoal_raft_ProposeRequest, callback: grpc.requestCallback<_shoal_raft_ProposeResponse__Output>): grpc.ClientUnaryCall;
  propose(argument: _shoal_raft_ProposeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_raft_ProposeResponse__Output>): grpc.ClientUnaryCall;
  propose(argument: _shoal_raft_ProposeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_raft_ProposeResponse__Output>): grpc.ClientUnaryCall;
  propose(argument: _shoal_raft_ProposeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_raft_ProposeResponse__Output>): grpc.ClientUnaryCall;
  propose(argument: _shoal_raft_ProposeRequest, callback: grpc.requestCallback<_shoal_raft_ProposeResponse__Output>): grpc.ClientUnaryCall;
  
  ProposeStream(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_shoal_raft_ProposeBatch, _shoal_raft_ProposeResults__Output>;
  ProposeStream(options?: grpc.CallOptions): grpc.ClientDuplexStream<_shoal_raft_ProposeBatch, _shoal_raft_ProposeResults__Output>;
  proposeStream(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_shoal_raft_ProposeBatch, _shoal_raft_ProposeResults__Output>;
  proposeStream(options?: grpc.CallOptions): grpc.ClientDuplexStream<_shoal_raft_ProposeBatch, _shoal_raft_ProposeResults__Output>;
  
  Send(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_raft_SendAck__Output>): grpc.ClientWritableStream<_shoal_raft_MessageBatch>;
  Send(metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_raft_SendAck__Output>): grpc.ClientWritableStream<_shoal_raft_MessageBatch>;
  Send(options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_raft_SendAck__Output>): grpc.ClientWritableStream<_shoal_raft_MessageBatch>;
  Send(callback: grpc.requestCallback<_shoal_raft_SendAck__Output>): grpc.ClientWritableStream<_shoal_raft_MessageBatch>;
  send(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_raft_SendAck__Output>): grpc.ClientWritableStream<_shoal_raft_MessageBatch>;
  send(metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_raft_SendAck__Output>): grpc.ClientWritableStream<_shoal_raft_MessageBatch>;
  send(options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_raft_SendAck__Output>): grpc.ClientWritableStream<_shoal_raft_MessageBatch>;
  send(callback: grpc.requestCallback<_shoal_raft_SendAck__Output>): grpc.ClientWritableStream<_shoal_raft_MessageBatch>;
  
  SendSnapshot(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_raft_SendAck__Output>): grpc.ClientWritableStream<_shoal_raft_SnapshotChunk>;
  SendSnapshot(metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_raft_SendAck__Output>): grpc.ClientWritableStream<_shoal_raft_SnapshotChunk>;
  SendSnapshot(options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_raft_SendAck__Output>): grpc.ClientWritableStream<_shoal_raft_SnapshotChunk>;
  SendSnapshot(callback: grpc.requestCallback<_shoal_raft_SendAck__Output>): grpc.ClientWritableStream<_shoal_raft_SnapshotChunk>;
  sendSnapshot(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_raft_SendAck__Output>): grpc.ClientWritableStream<_shoal_raft_SnapshotChunk>;
  sendSnapshot(metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_raft_SendAck__Output>): grpc.ClientWritableStream<_shoal_raft_SnapshotChunk>;
  sendSnapshot(options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_raft_SendAck__Output>): grpc.ClientWritableStream<_shoal_raft_SnapshotChunk>;
  sendSnapshot(callback: grpc.requestCallback<_shoal_raft_SendAck__Output>): grpc.ClientWritableStream<_shoal_raft_SnapshotChunk>;
  
}

export interface RaftHandlers extends grpc.UntypedServiceImplementation {
  Propose: grpc.handleUnaryCall<_shoal_raft_ProposeRequest__Output, _shoal_raft_ProposeResponse>;
  
  ProposeStream: grpc.handleBidiStreamingCall<_shoal_raft_ProposeBatch__Output, _shoal_raft_ProposeResults>;
  
  Send: grpc.handleClientStreamingCall<_shoal_raft_MessageBatch__Output, _shoal_raft_SendAck>;
  
  SendSnapshot: grpc.handleClientStreamingCall<_shoal_raft_SnapshotChunk__Output, _shoal_raft_SendAck>;
  
}

export interface RaftDefinition extends grpc.ServiceDefinition {
  Propose: MethodDefinition<_shoal_raft_ProposeRequest, _shoal_raft_ProposeResponse, _shoal_raft_ProposeRequest__Output, _shoal_raft_ProposeResponse__Output>
  ProposeStream: MethodDefinition<_shoal_raft_ProposeBatch, _shoal_raft_ProposeResults, _shoal_raft_ProposeBatch__Output, _shoal_raft_ProposeResults__Output>
  Send: MethodDefinition<_shoal_raft_MessageBatch, _shoal_raft_SendAck, _shoal_raft_MessageBatch__Output, _shoal_raft_SendAck__Output>
  SendSnapshot: MethodDefinition<_shoal_raft_SnapshotChunk, _shoal_raft_SendAck, _shoal_raft_SnapshotChunk__Output, _shoal_raft_SendAck__Output>
}
