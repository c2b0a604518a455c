// Original file: proto/dispatcher.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AssignmentsMessage as _shoal_dispatcher_AssignmentsMessage, AssignmentsMessage__Output as _shoal_dispatcher_AssignmentsMessage__Output } from '../../shoal/dispatcher/AssignmentsMessage';
import type { AssignmentsRequest as _shoal_dispatcher_AssignmentsRequest, AssignmentsRequest__Output as _shoal_dispatcher_AssignmentsRequest__Output } from '../../shoal/dispatcher/AssignmentsRequest';
import type { HeartbeatRequest as _shoal_dispatcher_HeartbeatRequest, HeartbeatRequest__Output as _shoal_dispatcher_HeartbeatRequest__Output } from '../../shoal/dispatcher/HeartbeatRequest';
import type { HeartbeatResponse as _shoal_dispatcher_HeartbeatResponse, HeartbeatResponse__Output as _shoal_dispatcher_HeartbeatResponse__Output } from '../../shoal/dispatcher/HeartbeatResponse';
import type { LogSubscription as _shoal_dispatcher_LogSubscription, LogSubscription__Output as _shoal_dispatcher_LogSubscription__Output } from '../../shoal/dispatcher/LogSubscription';
import type { LogSubscriptionsRequest as _shoal_dispatcher_LogSubscriptionsRequest, LogSubscriptionsRequest__Output as _shoal_dispatcher_LogSubscriptionsRequest__Output } from '../../shoal/dispatcher/LogSubscriptionsRequest';
import type { PublishLogsMessage as _shoal_dispatcher_PublishLogsMessage, PublishLogsMessage__Output as _shoal_dispatcher_PublishLogsMessage__Output } from '../../shoal/dispatcher/PublishLogsMessage';
import type { PublishLogsResponse as _shoal_dispatcher_PublishLogsResponse, PublishLogsResponse__Output as _shoal_dispatcher_PublishLogsResponse__Output } from '../../shoal/dispatcher/PublishLogsResponse';
import type { RegisterRequest as _shoal_dispatcher_RegisterRequest, RegisterRequest__Output as _shoal_dispatcher_RegisterRequest__Output } from '../../shoal/dispatcher/RegisterRequest';
import type { RegisterResponse as _shoal_dispatcher_RegisterResponse, RegisterResponse__Output as _shoal_dispatcher_RegisterResponse__Output } from '../../shoal/dispatcher/RegisterResponse';
import type { UpdateTaskStatusRequest as _shoal_dispatcher_UpdateTaskStatusRequest, UpdateTaskStatusRequest__Output as _shoal_dispatcher_UpdateTaskStatusRequest__Output } from '../../shoal/dispatcher/UpdateTaskStatusRequest';
import type { UpdateTaskStatusResponse as _shoal_dispatcher_UpdateTaskStatusResponse, UpdateTaskStatusResponse__Output as _shoal_dispatcher_UpdateTaskStatusResponse__Output } from '../../shoal/dispatcher/UpdateTaskStatusResponse';

export interface DispatcherClient extends grpc.Client {
  Assignments(argument: _shoal_dispatcher_AssignmentsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_shoal_dispatcher_AssignmentsMessage__Output>;
  Assignments(argument: _shoal_dispatcher_AssignmentsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_shoal_dispatcher_AssignmentsMessage__Output>;
  assignments(argument: _shoal_dispatcher_AssignmentsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_shoal_dispatcher_AssignmentsMessage__Output>;
  assignments(argument: _shoal_dispatcher_AssignmentsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_shoal_dispatcher_AssignmentsMessage__Output>;
  
  Heartbeat(argument: _shoal_dispatcher_HeartbeatRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_dispatcher_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  Heartbeat(argument: _shoal_dispatcher_HeartbeatRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_dispatcher_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  Heartbeat(argument: _shoal_dispatcher_HeartbeatRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_dispatcher_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  Heartbeat(argument: _shoal_dispatcher_HeartbeatRequest, callback: grpc.requestCallback<_shoal_dispatcher_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  heartbeat(argument: _shoal_dispatcher_HeartbeatRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_dispatcher_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  heartbeat(argument: _shoal_dispatcher_HeartbeatRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_dispatcher_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  heartbeat(argument: _shoal_dispatcher_HeartbeatRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_dispatcher_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  heartbeat(argument: _shoal_dispatcher_HeartbeatRequest, callback: grpc.requestCallback<_shoal_dispatcher_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  
  LogSubscriptions(argument: _shoal_dispatcher_LogSubscriptionsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_shoal_dispatcher_LogSubscription__Output>;
  LogSubscriptions(argument: _shoal_dispatcher_LogSubscriptionsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_shoal_dispatcher_LogSubscription__Output>;
  logSubscriptions(argument: _shoal_dispatcher_LogSubscriptionsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_shoal_dispatcher_LogSubscription__Output>;
  logSubscriptions(argument: _shoal_dispatcher_LogSubscriptionsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_shoal_dispatcher_LogSubscription__Output>;
  
  PublishLogs(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_dispatcher_PublishLogsResponse__Output>): grpc.ClientWritableStream<_shoal_dispatcher_PublishLogsMessage>;
  PublishLogs(metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_dispatcher_PublishLogsResponse__Output>): grpc.ClientWritableStream<_shoal_dispatcher_PublishLogsMessage>;
  PublishLogs(options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_dispatcher_PublishLogsResponse__Output>): grpc.ClientWritableStream<_shoal_dispatcher_PublishLogsMessage>;
  PublishLogs(callback: grpc.requestCallback<_shoal_dispatcher_PublishLogsResponse__Output>): grpc.ClientWritableStream<_shoal_dispatcher_PublishLogsMessage>;
  publishLogs(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_dispatcher_PublishLogsResponse__Output>): grpc.ClientWritableStream<_shoal_dispatcher_PublishLogsMessage>;
  publishLogs(metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_dispatcher_PublishLogsResponse__Output>): grpc.ClientWritableStream<_shoal_dispatcher_PublishLogsMessage>;
  publishLogs(options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_dispatcher_PublishLogsResponse__Output>): grpc.ClientWritableStream<_shoal_dispatcher_PublishLogsMessage>;
  publishLogs(callback: grpc.requestCallback<_shoal_dispatcher_PublishLogsResponse__Output>): grpc.ClientWritableStream<_shoal_dispatcher_PublishLogsMessage>;
  
  Register(argument: _shoal_dispatcher_RegisterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_dispatcher_RegisterResponse__Output>): grpc.ClientUnaryCall;
  Register(argument: _shoal_dispatcher_RegisterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_dispatcher_RegisterResponse__Output>): grpc.ClientUnaryCall;
  Register(argument: _shoal_dispatcher_RegisterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_dispatcher_RegisterResponse__Output>): grpc.ClientUnaryCall;
  Register(argument: _shoal_dispatcher_RegisterRequest, callback: grpc.requestCallback<_shoal_dispatcher_RegisterResponse__Output>): grpc.ClientUnaryCall;
  register(argument: _shoal_dispatcher_RegisterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_dispatcher_RegisterResponse__Output>): grpc.ClientUnaryCall;
  register(argument: _shoal_dispatcher_RegisterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_dispatcher_RegisterResponse__Output>): grpc.ClientUnaryCall;
  register(argument: _shoal_dispatcher_RegisterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_dispatcher_RegisterResponse__Output>): grpc.ClientUnaryCall;
  register(argument: _shoal_dispatcher_RegisterRequest, callback: grpc.requestCallback<_shoal_dispatcher_RegisterResponse__Output>): grpc.ClientUnaryCall;
  
  UpdateTaskStatus(argument: _shoal_dispatcher_UpdateTaskStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_dispatcher_UpdateTaskStatusResponse__Output>): grpc.ClientUnaryCall;
  UpdateTaskStatus(argument: _shoal_dispatcher_UpdateTaskStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_dispatcher_UpdateTaskStatusResponse__Output>): grpc.ClientUnaryCall;
  UpdateTaskStatus(argument: _shoal_dispatcher_UpdateTaskStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_dispatcher_UpdateTaskStatusResponse__Output>): grpc.ClientUnaryCall;
  UpdateTaskStatus(argument: _shoal_dispatcher_UpdateTaskStatusRequest, callback: grpc.requestCallback<_shoal_dispatcher_UpdateTaskStatusResponse__Output>): grpc.ClientUnaryCall;
  updateTaskStatus(argument: _shoal_dispatcher_UpdateTaskStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_dispatcher_UpdateTaskStatusResponse__Output>): grpc.ClientUnaryCall;
  updateTaskStatus(argument: _shoal_dispatcher_UpdateTaskStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_dispatcher_UpdateTaskStatusResponse__Output>): grpc.ClientUnaryCall;
  updateTaskStatus(argument: _shoal_dispatcher_UpdateTaskStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_dispatcher_UpdateTaskStatusResponse__Output>): grpc.ClientUnaryCall;
  updateTaskStatus(argument: _shoal_dispatcher_UpdateTaskStatusRequest, callback: grpc.requestCallback<_shoal_dispatcher_UpdateTaskStatusResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface DispatcherHandlers extends grpc.UntypedServiceImplementation {
  Assignments: grpc.handleServerStreamingCall<_shoal_dispatcher_AssignmentsRequest__Output, _shoal_dispatcher_AssignmentsMessage>;
  
  Heartbeat: grpc.handleUnaryCall<_shoal_dispatcher_HeartbeatRequest__Output, _shoal_dispatcher_HeartbeatResponse>;
  
  LogSubscriptions: grpc.handleServerStreamingCall<_shoal_dispatcher_LogSubscriptionsRequest__Output, _shoal_dispatcher_LogSubscription>;
  
  PublishLogs: grpc.handleClientStreamingCall<_shoal_dispatcher_PublishLogsMessage__Output, _shoal_dispatcher_PublishLogsResponse>;
  
  Register: grpc.handleUnaryCall<_shoal_dispatcher_RegisterRequest__Output, _shoal_dispatcher_RegisterResponse>;
  
  UpdateTaskStatus: grpc.handleUnaryCall<_shoal_dispatcher_UpdateTaskStatusRequest__Output, _shoal_dispatcher_UpdateTaskStatusResponse>;
  
}

export interface DispatcherDefinition extends grpc.ServiceDefinition {
  Assignments: MethodDefinition<_shoal_dispatcher_AssignmentsRequest, _shoal_dispatcher_AssignmentsMessage, _shoal_dispatcher_AssignmentsRequest__Output, _shoal_dispatcher_AssignmentsMessage__Output>
  Heartbeat: MethodDefinition<_shoal_dispatcher_HeartbeatRequest, _shoal_dispatcher_HeartbeatResponse, _shoal_dispatcher_HeartbeatRequest__Output, _shoal_dispatcher_HeartbeatResponse__Output>
  LogSubscriptions: MethodDefinition<_shoal_dispatcher_LogSubscriptionsRequest, _shoal_dispatcher_LogSubscription, _shoal_dispatcher_LogSubscriptionsRequest__Output, _shoal_dispatcher_LogSubscription__Output>
  PublishLogs: MethodDefinition<_shoal_dispatcher_PublishLogsMessage, _shoal_dispatcher_PublishLogsResponse, _shoal_dispatcher_PublishLogsMessage__Output, _shoal_dispatcher_PublishLogsResponse__Output>
  Register: MethodDefinition<_shoal_dispatcher_RegisterRequest, _shoal_dispatcher_RegisterResponse, _shoal_dispatcher_RegisterRequest__Output, _shoal_dispatcher_RegisterResponse__Output>
  UpdateTaskStatus: MethodDefinition<_shoal_dispatcher_UpdateTaskStatusRequest, _shoal_dispatcher_UpdateTaskStatusResponse, _shoal_dispatcher_UpdateTaskStatusRequest__Output, _shoal_dispatcher_UpdateTaskStatusResponse__Output>
}
