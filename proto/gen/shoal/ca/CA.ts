// Original file: proto/ca.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetRootCACertificateRequest as _shoal_ca_GetRootCACertificateRequest, GetRootCACertificateRequest__Output as _shoal_ca_GetRootCACertificateRequest__Output } from '../../shoal/ca/GetRootCACertificateRequest';
import type { GetRootCACertificateResponse as _shoal_ca_GetRootCACertificateResponse, GetRootCACertificateResponse__Output as _shoal_ca_GetRootCACertificateResponse__Output } from '../../shoal/ca/GetRootCACertificateResponse';
import type { IssueNodeCertificateRequest as _shoal_ca_IssueNodeCertificateRequest, IssueNodeCertificateRequest__Output as _shoal_ca_IssueNodeCertificateRequest__Output } from '../../shoal/ca/IssueNodeCertificateRequest';
import type { IssueNodeCertificateResponse as _shoal_ca_IssueNodeCertificateResponse, IssueNodeCertificateResponse__Output as _shoal_ca_IssueNodeCertificateResponse__Output } from '../../shoal/ca/IssueNodeCertificateResponse';
import type { RenewNodeCertificateRequest as _shoal_ca_RenewNodeCertificateRequest, RenewNodeCertificateRequest__Output as _shoal_ca_RenewNodeCertificateRequest__Output } from '../../shoal/ca/RenewNodeCertificateRequest';
import type { RenewNodeCertificateResponse as _shoal_ca_RenewNodeCertificateResponse, RenewNodeCertificateResponse__Output as _shoal_ca_RenewNodeCertificateResponse__Output } from '../../shoal/ca/RenewNodeCertificateResponse';

export interface CAClient extends grpc.Client {
  GetRootCACertificate(argument: _shoal_ca_GetRootCACertificateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_ca_GetRootCACertificateResponse__Output>): grpc.ClientUnaryCall;
  GetRootCACertificate(argument: _shoal_ca_GetRootCACertificateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_ca_GetRootCACertificateResponse__Output>): grpc.ClientUnaryCall;
  GetRootCACertificate(argument: _shoal_ca_GetRootCACertificateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_ca_GetRootCACertificateResponse__Output>): grpc.ClientUnaryCall;
  GetRootCACertificate(argument: _shoal_ca_GetRootCACertificateRequest, callback: grpc.requestCallback<_shoal_ca_GetRootCACertificateResponse__Output>): grpc.ClientUnaryCall;
  getRootCaCertificate(argument: _shoal_ca_GetRootCACertificateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_ca_GetRootCACertificateResponse__Output>): grpc.ClientUnaryCall;
  getRootCaCertificate(argument: _shoal_ca_GetRootCACertificateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_ca_GetRootCACertificateResponse__Output>): grpc.ClientUnaryCall;
  getRootCaCertificate(argument: _shoal_ca_GetRootCACertificateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_ca_GetRootCACertificateResponse__Output>): grpc.ClientUnaryCall;
  getRootCaCertificate(argument: _shoal_ca_GetRootCACertificateRequest, callback: grpc.requestCallback<_shoal_ca_GetRootCACertificateResponse__Output>): grpc.ClientUnaryCall;
  
  IssueNodeCertificate(argument: _shoal_ca_IssueNodeCertificateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_ca_IssueNodeCertificateResponse__Output>): grpc.ClientUnaryCall;
  IssueNodeCertificate(argument: _shoal_ca_IssueNodeCertificateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_ca_IssueNodeCertificateResponse__Output>): grpc.ClientUnaryCall;
  IssueNodeCertificate(argument: _shoal_ca_IssueNodeCertificateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_ca_IssueNodeCertificateResponse__Output>): grpc.ClientUnaryCall;
  IssueNodeCertificate(argument: _shoal_ca_IssueNodeCertificateRequest, callback: grpc.requestCallback<_shoal_ca_IssueNodeCertificateResponse__Output>): grpc.ClientUnaryCall;
  issueNodeCertificate(argument: _shoal_ca_IssueNodeCertificateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_ca_IssueNodeCertificateResponse__Output>): grpc.ClientUnaryCall;
  issueNodeCertificate(argument: _shoal_ca_IssueNodeCertificateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_ca_IssueNodeCertificateResponse__Output>): grpc.ClientUnaryCall;
  issueNodeCertificate(argument: _shoal_ca_IssueNodeCertificateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_ca_IssueNodeCertificateResponse__Output>): grpc.ClientUnaryCall;
  issueNodeCertificate(argument: _shoal_ca_IssueNodeCertificateRequest, callback: grpc.requestCallback<_shoal_ca_IssueNodeCertificateResponse__Output>): grpc.ClientUnaryCall;
  
  RenewNodeCertificate(argument: _shoal_ca_RenewNodeCertificateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_ca_RenewNodeCertificateResponse__Output>): grpc.ClientUnaryCall;
  RenewNodeCertificate(argument: _shoal_ca_RenewNodeCertificateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_ca_RenewNodeCertificateResponse__Output>): grpc.ClientUnaryCall;
  RenewNodeCertificate(argument: _shoal_ca_RenewNodeCertificateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_ca_RenewNodeCertificateResponse__Output>): grpc.ClientUnaryCall;
  RenewNodeCertificate(argument: _shoal_ca_RenewNodeCertificateRequest, callback: grpc.requestCallback<_shoal_ca_RenewNodeCertificateResponse__Output>): grpc.ClientUnaryCall;
  renewNodeCertificate(argument: _shoal_ca_RenewNodeCertificateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_ca_RenewNodeCertificateResponse__Output>): grpc.ClientUnaryCall;
  renewNodeCertificate(argument: _shoal_ca_RenewNodeCertificateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_shoal_ca_RenewNodeCertificateResponse__Output>): grpc.ClientUnaryCall;
  renewNodeCertificate(argument: _shoal_ca_RenewNodeCertificateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_shoal_ca_RenewNodeCertificateResponse__Output>): grpc.ClientUnaryCall;
  renewNodeCertificate(argument: _shoal_ca_RenewNodeCertificateRequest, callback: grpc.requestCallback<_shoal_ca_RenewNodeCertificateResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface CAHandlers extends grpc.UntypedServiceImplementation {
  GetRootCACertificate: grpc.handleUnaryCall<_shoal_ca_GetRootCACertificateRequest__Output, _shoal_ca_GetRootCACertificateResponse>;
  
  IssueNodeCertificate: grpc.handleUnaryCall<_shoal_ca_IssueNodeCertificateRequest__Output, _shoal_ca_IssueNodeCertificateResponse>;
  
  RenewNodeCertificate: grpc.handleUnaryCall<_shoal_ca_RenewNodeCertificateRequest__Output, _shoal_ca_RenewNodeCertificateResponse>;
  
}

export interface CADefinition extends grpc.ServiceDefinition {
  GetRootCACertificate: MethodDefinition<_shoal_ca_GetRootCACertificateRequest, _shoal_ca_GetRootCACertificateResponse, _shoal_ca_GetRootCACertificateRequest__Output, _shoal_ca_GetRootCACertificateResponse__Output>
  IssueNodeCertificate: MethodDefinition<_shoal_ca_IssueNodeCertificateRequest, _shoal_ca_IssueNodeCertificateResponse, _shoal_ca_IssueNodeCertificateRequest__Output, _shoal_ca_IssueNodeCertificateResponse__Output>
  RenewNodeCertificate: MethodDefinition<_shoal_ca_RenewNodeCertificateRequest, _shoal_ca_RenewNodeCertificateResponse, _shoal_ca_RenewNodeCertificateRequest__Output, _shoal_ca_RenewNodeCertificateResponse__Output>
}
