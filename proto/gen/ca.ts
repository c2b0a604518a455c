import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { CAClient as _shoal_ca_CAClient, CADefinition as _shoal_ca_CADefinition } from './shoal/ca/CA';
import type { GetRootCACertificateRequest as _shoal_ca_GetRootCACertificateRequest, GetRootCACertificateRequest__Output as _shoal_ca_GetRootCACertificateRequest__Output } from './shoal/ca/GetRootCACertificateRequest';
import type { GetRootCACertificateResponse as _shoal_ca_GetRootCACertificateResponse, GetRootCACertificateResponse__Output as _shoal_ca_GetRootCACertificateResponse__Output } from './shoal/ca/GetRootCACertificateResponse';
import type { IssueNodeCertificateRequest as _shoal_ca_IssueNodeCertificateRequest, IssueNodeCertificateRequest__Output as _shoal_ca_IssueNodeCertificateRequest__Output } from './shoal/ca/IssueNodeCertificateRequest';
import type { IssueNodeCertificateResponse as _shoal_ca_IssueNodeCertificateResponse, IssueNodeCertificateResponse__Output as _shoal_ca_IssueNodeCertificateResponse__Output } from './shoal/ca/IssueNodeCertificateResponse';
import type { RenewNodeCertificateRequest as _shoal_ca_RenewNodeCertificateRequest, RenewNodeCertificateRequest__Output as _shoal_ca_RenewNodeCertificateRequest__Output } from './shoal/ca/RenewNodeCertificateRequest';
import type { RenewNodeCertificateResponse as _shoal_ca_RenewNodeCertificateResponse, RenewNodeCertificateResponse__Output as _shoal_ca_RenewNodeCertificateResponse__Output } from './shoal/ca/RenewNodeCertificateResponse';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  shoal: {
    ca: {
      CA: SubtypeConstructor<typeof grpc.Client, _shoal_ca_CAClient> & { service: _shoal_ca_CADefinition }
      GetRootCACertificateRequest: MessageTypeDefinition<_shoal_ca_GetRootCACertificateRequest, _shoal_ca_GetRootCACertificateRequest__Output>
      GetRootCACertificateResponse: MessageTypeDefinition<_shoal_ca_GetRootCACertificateResponse, _shoal_ca_GetRootCACertificateResponse__Output>
      IssueNodeCertificateRequest: MessageTypeDefinition<_shoal_ca_IssueNodeCertificateRequest, _shoal_ca_IssueNodeCertificateRequest__Output>
      IssueNodeCertificateResponse: MessageTypeDefinition<_shoal_ca_IssueNodeCertificateResponse, _shoal_ca_IssueNodeCertificateResponse__Output>
      RenewNodeCertificateRequest: MessageTypeDefinition<_shoal_ca_RenewNodeCertificateRequest, _shoal_ca_RenewNodeCertificateRequest__Output>
      RenewNodeCertificateResponse: MessageTypeDefinition<_shoal_ca_RenewNodeCertificateResponse, _shoal_ca_RenewNodeCertificateResponse__Output>
    }
  }
}

