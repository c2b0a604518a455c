import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { DaemonClient as _shoal_daemon_DaemonClient, DaemonDefinition as _shoal_daemon_DaemonDefinition } from './shoal/daemon/Daemon';
import type { PingRequest as _shoal_daemon_PingRequest, PingRequest__Output as _shoal_daemon_PingRequest__Output } from './shoal/daemon/PingRequest';
import type { PingResponse as _shoal_daemon_PingResponse, PingResponse__Output as _shoal_daemon_PingResponse__Output } from './shoal/daemon/PingResponse';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  shoal: {
    daemon: {
      Daemon: SubtypeConstructor<typeof grpc.Client, _shoal_daemon_DaemonClient> & { service: _shoal_daemon_DaemonDefinition }
      PingRequest: MessageTypeDefinition<_shoal_daemon_PingRequest, _shoal_daemon_PingRequest__Output>
      PingResponse: MessageTypeDefinition<_shoal_daemon_PingResponse, _shoal_daemon_PingResponse__Output>
    }
  }
}

