// The CLI's client for the local shoald over its unix socket.
import * as grpc from '@grpc/grpc-js';
import { loadProto } from '../proto/load';
import type { ProtoGrpcType } from '../proto/gen/daemon';
import type { PingResponse__Output } from '../proto/gen/shoal/daemon/PingResponse';

export const DEFAULT_SOCKET = '/run/shoal/shoal.sock';

export function daemonClient(socket: string) {
  const proto = loadProto<ProtoGrpcType>('daemon.proto');
  return new proto.shoal.daemon.Daemon(`unix://${socket}`, grpc.credentials.createInsecure());
}

export function ping(socket: string, timeoutMs = 3000): Promise<PingResponse__Output> {
  const client = daemonClient(socket);
  return new Promise((resolve, reject) => {
    client.Ping({}, { deadline: Date.now() + timeoutMs }, (err, res) => {
      client.close();
      if (err || !res)
        reject(new Error(`shoald is not answering on ${socket}: ${err?.details || err?.message}`));
      else resolve(res);
    });
  });
}
