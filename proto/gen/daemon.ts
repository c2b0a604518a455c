import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { DaemonClient as _shoal_daemon_DaemonClient, DaemonDefinition as _shoal_daemon_DaemonDefinition } from './shoal/daemon/Daemon';
import type { InfoRequest as _shoal_daemon_InfoRequest, InfoRequest__Output as _shoal_daemon_InfoRequest__Output } from './shoal/daemon/InfoRequest';
import type { InfoResponse as _shoal_daemon_InfoResponse, InfoResponse__Output as _shoal_daemon_InfoResponse__Output } from './shoal/daemon/InfoResponse';
import type { InitRequest as _shoal_daemon_InitRequest, InitRequest__Output as _shoal_daemon_InitRequest__Output } from './shoal/daemon/InitRequest';
import type { InitResponse as _shoal_daemon_InitResponse, InitResponse__Output as _shoal_daemon_InitResponse__Output } from './shoal/daemon/InitResponse';
import type { JoinRequest as _shoal_daemon_JoinRequest, JoinRequest__Output as _shoal_daemon_JoinRequest__Output } from './shoal/daemon/JoinRequest';
import type { JoinResponse as _shoal_daemon_JoinResponse, JoinResponse__Output as _shoal_daemon_JoinResponse__Output } from './shoal/daemon/JoinResponse';
import type { LeaveRequest as _shoal_daemon_LeaveRequest, LeaveRequest__Output as _shoal_daemon_LeaveRequest__Output } from './shoal/daemon/LeaveRequest';
import type { LeaveResponse as _shoal_daemon_LeaveResponse, LeaveResponse__Output as _shoal_daemon_LeaveResponse__Output } from './shoal/daemon/LeaveResponse';
import type { PingRequest as _shoal_daemon_PingRequest, PingRequest__Output as _shoal_daemon_PingRequest__Output } from './shoal/daemon/PingRequest';
import type { PingResponse as _shoal_daemon_PingResponse, PingResponse__Output as _shoal_daemon_PingResponse__Output } from './shoal/daemon/PingResponse';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  shoal: {
    daemon: {
      Daemon: SubtypeConstructor<typeof grpc.Client, _shoal_daemon_DaemonClient> & { service: _shoal_daemon_DaemonDefinition }
      InfoRequest: MessageTypeDefinition<_shoal_daemon_InfoRequest, _shoal_daemon_InfoRequest__Output>
      InfoResponse: MessageTypeDefinition<_shoal_daemon_InfoResponse, _shoal_daemon_InfoResponse__Output>
      InitRequest: MessageTypeDefinition<_shoal_daemon_InitRequest, _shoal_daemon_InitRequest__Output>
      InitResponse: MessageTypeDefinition<_shoal_daemon_InitResponse, _shoal_daemon_InitResponse__Output>
      JoinRequest: MessageTypeDefinition<_shoal_daemon_JoinRequest, _shoal_daemon_JoinRequest__Output>
      JoinResponse: MessageTypeDefinition<_shoal_daemon_JoinResponse, _shoal_daemon_JoinResponse__Output>
      LeaveRequest: MessageTypeDefinition<_shoal_daemon_LeaveRequest, _shoal_daemon_LeaveRequest__Output>
      LeaveResponse: MessageTypeDefinition<_shoal_daemon_LeaveResponse, _shoal_daemon_LeaveResponse__Output>
      PingRequest: MessageTypeDefinition<_shoal_daemon_PingRequest, _shoal_daemon_PingRequest__Output>
      PingResponse: MessageTypeDefinition<_shoal_daemon_PingResponse, _shoal_daemon_PingResponse__Output>
    }
  }
}

