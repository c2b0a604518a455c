// Original file: proto/membership.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { JoinRaftRequest as _shoal_membership_JoinRaftRequest, JoinRaftRequest__Output as _shoal_membership_JoinRaftRequest__Output } from '../../shoal/membership/JoinRaftRequest';
import type { JoinRaftResponse as _shoal_membership_JoinRaftResponse, JoinRaftResponse__Output as _shoal_membership_JoinRaftResponse__Output } from '../../shoal/membership/JoinRaftResponse';
import type { LeaveRaftRequest as _shoal_membership_LeaveRaftRequest, LeaveRaftRequest__Output as _shoal_membership_LeaveRaftRequest__Output } from '../../shoal/membership/LeaveRaftRequest';
import type { LeaveRaftResponse as _shoal_membership_LeaveRaftResponse, LeaveRaftResponse__Output as _shoal_membership_LeaveRaftResponse__Output } from '../../shoal/membership/LeaveRaftResponse';

export interface MembershipClient extends grpc.Client {
  JoinRaft(argument: _shoal_membership_JoinRaftRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_membership_JoinRaftResponse__Output>): grpc.ClientUnaryCall;
  JoinRaft(argument: _shoal_membership_JoinRaftRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_membership_JoinRaftResponse__Output>): grpc.ClientUnaryCall;
  JoinRaft(argument: _shoal_membership_JoinRaftRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_membership_JoinRaftResponse__Output>): grpc.ClientUnaryCall;
  JoinRaft(argument: _shoal_membership_JoinRaftRequest, callback: grpc.requestCallback<_shoal_membership_JoinRaftResponse__Output>): grpc.ClientUnaryCall;
  joinRaft(argument: _shoal_membership_JoinRaftRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_membership_JoinRaftResponse__Output>): grpc.ClientUnaryCall;
  joinRaft(argument: _shoal_membership_JoinRaftRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_membership_JoinRaftResponse__Output>): grpc.ClientUnaryCall;
  joinRaft(argument: _shoal_membership_JoinRaftRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_membership_JoinRaftResponse__Output>): grpc.ClientUnaryCall;
  joinRaft(argument: _shoal_membership_JoinRaftRequest, callback: grpc.requestCallback<_shoal_membership_JoinRaftResponse__Output>): grpc.ClientUnaryCall;
  
  LeaveRaft(argument: _shoal_membership_LeaveRaftRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_membership_LeaveRaftResponse__Output>): grpc.ClientUnaryCall;
  LeaveRaft(argument: _shoal_membership_LeaveRaftRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_membership_LeaveRaftResponse__Output>): grpc.ClientUnaryCall;
  LeaveRaft(argument: _shoal_membership_LeaveRaftRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_membership_LeaveRaftResponse__Output>): grpc.ClientUnaryCall;
  LeaveRaft(argument: _shoal_membership_LeaveRaftRequest, callback: grpc.requestCallback<_shoal_membership_LeaveRaftResponse__Output>): grpc.ClientUnaryCall;
  leaveRaft(argument: _shoal_membership_LeaveRaftRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_membership_LeaveRaftResponse__Output>): grpc.ClientUnaryCall;
  leaveRaft(argument: _shoal_membership_LeaveRaftRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_membership_LeaveRaftResponse__Output>): grpc.ClientUnaryCall;
  leaveRaft(argument: _shoal_membership_LeaveRaftRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_membership_LeaveRaftResponse__Output>): grpc.ClientUnaryCall;
  leaveRaft(argument: _shoal_membership_LeaveRaftRequest, callback: grpc.requestCallback<_shoal_membership_LeaveRaftResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface MembershipHandlers extends grpc.UntypedServiceImplementation {
  JoinRaft: grpc.handleUnaryCall<_shoal_membership_JoinRaftRequest__Output, _shoal_membership_JoinRaftResponse>;
  
  LeaveRaft: grpc.handleUnaryCall<_shoal_membership_LeaveRaftRequest__Output, _shoal_membership_LeaveRaftResponse>;
  
}

export interface MembershipDefinition extends grpc.ServiceDefinition {
  JoinRaft: MethodDefinition<_shoal_membership_JoinRaftRequest, _shoal_membership_JoinRaftResponse, _shoal_membership_JoinRaftRequest__Output, _shoal_membership_JoinRaftResponse__Output>
  LeaveRaft: MethodDefinition<_shoal_membership_LeaveRaftRequest, _shoal_membership_LeaveRaftResponse, _shoal_membership_LeaveRaftRequest__Output, _shoal_membership_LeaveRaftResponse__Output>
}
