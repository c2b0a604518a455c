// Original file: proto/daemon.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { PingRequest as _shoal_daemon_PingRequest, PingRequest__Output as _shoal_daemon_PingRequest__Output } from '../../shoal/daemon/PingRequest';
import type { PingResponse as _shoal_daemon_PingResponse, PingResponse__Output as _shoal_daemon_PingResponse__Output } from '../../shoal/daemon/PingResponse';

export interface DaemonClient extends grpc.Client {
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
  Ping: grpc.handleUnaryCall<_shoal_daemon_PingRequest__Output, _shoal_daemon_PingResponse>;
  
}

export interface DaemonDefinition extends grpc.ServiceDefinition {
  Ping: MethodDefinition<_shoal_daemon_PingRequest, _shoal_daemon_PingResponse, _shoal_daemon_PingRequest__Output, _shoal_daemon_PingResponse__Output>
}
