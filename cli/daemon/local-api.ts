// shoald's local API on its unix socket: the Daemon service (ping, init, join, leave,
// info) and the Control service, which goes to this node's manager (and from there to
// the leader) or, on a worker, is refused with "this node is not a manager".
import * as os from 'os';
import * as grpc from '@grpc/grpc-js';
import { loadProto } from '../../proto/load';
import type { ProtoGrpcType } from '../../proto/gen/daemon';
import type { DaemonHandlers } from '../../proto/gen/shoal/daemon/Daemon';
import { controlHandlers, controlServiceDefinition } from '../../manager/control-api/server';
import { BUILTIN_CONTROL_METHODS } from '../../manager/manager';
import { notInClusterError, notManagerError } from '../../manager/errors';
import { unaryCall } from '../../manager/grpc-util';
import { VERSION } from '../version';
import type { NodeDaemon } from './node-daemon';

export function addLocalApi(server: grpc.Server, node: NodeDaemon, dataDir: string, started: number): void {
  const proto = loadProto<ProtoGrpcType>('daemon.proto');
  const handlers: DaemonHandlers = {
    Ping: unaryCall(async () => ({
      version: VERSION,
      hostname: os.hostname(),
      pid: process.pid,
      uptimeSeconds: (Date.now() - started) / 1000,
      dataDir,
    })),
    Init: unaryCall(async (call) => node.init(call.request)),
    Join: unaryCall(async (call) => node.join(call.request)),
    Leave: unaryCall(async (call) => {
      await node.leave(call.request.force);
      return {};
    }),
    Info: unaryCall(async () => node.info()),
  };
  server.addService(proto.shoal.daemon.Daemon.service, handlers);
  server.addService(
    controlServiceDefinition(),
    controlHandlers(
      () => node.manager?.ctx,
      BUILTIN_CONTROL_METHODS,
      { authenticate: false },
      () => (node.info().localNodeState === 'inactive' ? notInClusterError() : notManagerError()),
    ),
  );
}
