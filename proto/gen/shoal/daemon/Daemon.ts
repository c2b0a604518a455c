// Original file: proto/daemon.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { InfoRequest as _shoal_daemon_InfoRequest, InfoRequest__Output as _shoal_daemon_InfoRequest__Output } from '../../shoal/daemon/InfoRequest';
import type { InfoResponse as _shoal_daemon_InfoResponse, InfoResponse__Output as _shoal_daemon_InfoResponse__Output } from '../../shoal/daemon/InfoResponse';
import type { InitRequest as _shoal_daemon_InitRequest, InitRequest__Output as _shoal_daemon_InitRequest__Output } from '../../shoal/daemon/InitRequest';
import type { InitResponse as _shoal_daemon_InitResponse, InitResponse__Output as _shoal_daemon_InitResponse__Output } from '../../shoal/daemon/InitResponse';
import type { JoinRequest as _shoal_daemon_JoinRequest, JoinRequest__Output as _shoal_daemon_JoinRequest__Output } from '../../shoal/daemon/JoinRequest';
import type { JoinResponse as _shoal_daemon_JoinResponse, JoinResponse__Output as _shoal_daemon_JoinResponse__Output } from '../../shoal/daemon/JoinResponse';
import type { LeaveRequest as _shoal_daemon_LeaveRequest, LeaveRequest__Output as _shoal_daemon_LeaveRequest__Output } from '../../shoal/daemon/LeaveRequest';
import type { LeaveResponse as _shoal_daemon_LeaveResponse, LeaveResponse__Output as _shoal_daemon_LeaveResponse__Output } from '../../shoal/daemon/LeaveResponse';
import type { PingRequest as _shoal_daemon_PingRequest, PingRequest__Output as _shoal_daemon_PingRequest__Output } from '../../shoal/daemon/PingRequest';
import type { PingResponse as _shoal_daemon_PingResponse, PingResponse__Output as _shoal_daemon_PingResponse__Output } from '../../shoal/daemon/PingResponse';

export interface DaemonClient extends grpc.Client {
  Info(argument: _shoal_daemon_InfoRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_daemon_InfoResponse__Output>): grpc.ClientUnaryCall;
  Info(argument: _shoal_daemon_InfoRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_daemon_InfoResponse__Output>): grpc.ClientUnaryCall;
  Info(argument: _shoal_daemon_InfoRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_daemon_InfoResponse__Output>): grpc.ClientUnaryCall;
  Info(argument: _shoal_daemon_InfoRequest, callback: grpc.requestCallback<_shoal_daemon_InfoResponse__Output>): grpc.ClientUnaryCall;
  info(argument: _shoal_daemon_InfoRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_daemon_InfoResponse__Output>): grpc.ClientUnaryCall;
  info(argument: _shoal_daemon_InfoRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_daemon_InfoResponse__Output>): grpc.ClientUnaryCall;
  info(argument: _shoal_daemon_InfoRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_daemon_InfoResponse__Output>): grpc.ClientUnaryCall;
  info(argument: _shoal_daemon_InfoRequest, callback: grpc.requestCallback<_shoal_daemon_InfoResponse__Output>): grpc.ClientUnaryCall;
  
  Init(argument: _shoal_daemon_InitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_daemon_InitResponse__Output>): grpc.ClientUnaryCall;
  Init(argument: _shoal_daemon_InitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_daemon_InitResponse__Output>): grpc.ClientUnaryCall;
  Init(argument: _shoal_daemon_InitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_daemon_InitResponse__Output>): grpc.ClientUnaryCall;
  Init(argument: _shoal_daemon_InitRequest, callback: grpc.requestCallback<_shoal_daemon_InitResponse__Output>): grpc.ClientUnaryCall;
  init(argument: _shoal_daemon_InitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_daemon_InitResponse__Output>): grpc.ClientUnaryCall;
  init(argument: _shoal_daemon_InitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_daemon_InitResponse__Output>): grpc.ClientUnaryCall;
  init(argument: _shoal_daemon_InitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_daemon_InitResponse__Output>): grpc.ClientUnaryCall;
  init(argument: _shoal_daemon_InitRequest, callback: grpc.requestCallback<_shoal_daemon_InitResponse__Output>): grpc.ClientUnaryCall;
  
  Join(argument: _shoal_daemon_JoinRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_daemon_JoinResponse__Output>): grpc.ClientUnaryCall;
  Join(argument: _shoal_daemon_JoinRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_daemon_JoinResponse__Output>): grpc.ClientUnaryCall;
  Join(argument: _shoal_daemon_JoinRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_daemon_JoinResponse__Output>): grpc.ClientUnaryCall;
  Join(argument: _shoal_daemon_JoinRequest, callback: grpc.requestCallback<_shoal_daemon_JoinResponse__Output>): grpc.ClientUnaryCall;
  join(argument: _shoal_daemon_JoinRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_daemon_JoinResponse__Output>): grpc.ClientUnaryCall;
  join(argument: _shoal_daemon_JoinRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_daemon_JoinResponse__Output>): grpc.ClientUnaryCall;
  join(argument: _shoal_daemon_JoinRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_daemon_JoinResponse__Output>): grpc.ClientUnaryCall;
  join(argument: _shoal_daemon_JoinRequest, callback: grpc.requestCallback<_shoal_daemon_JoinResponse__Output>): grpc.ClientUnaryCall;
  
  Leave(argument: _shoal_daemon_LeaveRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_daemon_LeaveResponse__Output>): grpc.ClientUnaryCall;
  Leave(argument: _shoal_daemon_LeaveRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_daemon_LeaveResponse__Output>): grpc.ClientUnaryCall;
  Leave(argument: _shoal_daemon_LeaveRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_daemon_LeaveResponse__Output>): grpc.ClientUnaryCall;
  Leave(argument: _shoal_daemon_LeaveRequest, callback: grpc.requestCallback<_shoal_daemon_LeaveResponse__Output>): grpc.ClientUnaryCall;
  leave(argument: _shoal_daemon_LeaveRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_daemon_LeaveResponse__Output>): grpc.ClientUnaryCall;
  leave(argument: _shoal_daemon_LeaveRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_daemon_LeaveResponse__Output>): grpc.ClientUnaryCall;
  leave(argument: _shoal_daemon_LeaveRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_daemon_LeaveResponse__Output>): grpc.ClientUnaryCall;
  leave(argument: _shoal_daemon_LeaveRequest, callback: grpc.requestCallback<_shoal_daemon_LeaveResponse__Output>): grpc.ClientUnaryCall;
  
  Ping(argument: _shoal_daemon_PingRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_daemon_PingResponse__Output>): grpc.ClientUnaryCall;
  Ping(argument: _shoal_daemon_PingRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_daemon_PingResponse__Output>): grpc.ClientUnaryCall;
  Ping(argument: _shoal_daemon_PingRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_daemon_PingResponse__Output>): grpc.ClientUnaryCall;
  Ping(argument: _shoal_daemon_PingRequest, callback: grpc.requestCallback<_shoal_daemon_PingResponse__Output>): grpc.ClientUnaryCall;
  ping(argument: _shoal_daemon_PingRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_daemon_PingResponse__Output>): grpc.ClientUnaryCall;
  ping(argument: _shoal_daemon_PingRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_daemon_PingResponse__Output>): grpc.ClientUnaryCall;
  ping(argument: _shoal_daemon_PingRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_daemon_PingResponse__Output>): grpc.ClientUnaryCall;
  ping(argument: _shoal_daemon_PingRequest, callback: grpc.requestCallback<_shoal_daemon_PingResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface DaemonHandlers extends grpc.UntypedServiceImplementation {
  Info: grpc.handleUnaryCall<_shoal_daemon_InfoRequest__Output, _shoal_daemon_InfoResponse>;
  
  Init: grpc.handleUnaryCall<_shoal_daemon_InitRequest__Output, _shoal_daemon_InitResponse>;
  
  Join: grpc.handleUnaryCall<_shoal_daemon_JoinRequest__Output, _shoal_daemon_JoinResponse>;
  
  Leave: grpc.handleUnaryCall<_shoal_daemon_LeaveRequest__Output, _shoal_daemon_LeaveResponse>;
  
  Ping: grpc.handleUnaryCall<_shoal_daemon_PingRequest__Output, _shoal_daemon_PingResponse>;
  
}

export interface DaemonDefinition extends grpc.ServiceDefinition {
  Info: MethodDefinition<_shoal_daemon_InfoRequest, _shoal_daemon_InfoResponse, _shoal_daemon_InfoRequest__Output, _shoal_daemon_InfoResponse__Output>
  Init: MethodDefinition<_shoal_daemon_InitRequest, _shoal_daemon_InitResponse, _shoal_daemon_InitRequest__Output, _shoal_daemon_InitResponse__Output>
  Join: MethodDefinition<_shoal_daemon_JoinRequest, _shoal_daemon_JoinResponse, _shoal_daemon_JoinRequest__Output, _shoal_daemon_JoinResponse__Output>
  Leave: MethodDefinition<_shoal_daemon_LeaveRequest, _shoal_daemon_LeaveResponse, _shoal_daemon_LeaveRequest__Output, _shoal_daemon_LeaveResponse__Output>
  Ping: MethodDefinition<_shoal_daemon_PingRequest, _shoal_daemon_PingResponse, _shoal_daemon_PingRequest__Output, _shoal_daemon_PingResponse__Output>
}
