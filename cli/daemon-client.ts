// The CLI's client for the local shoald over its unix socket.
import * as path from 'path';
import * as grpc from '@grpc/grpc-js';
import { loadProto } from '../proto/load';
import type { ProtoGrpcType } from '../proto/gen/daemon';
import type { PingResponse__Output } from '../proto/gen/shoal/daemon/PingResponse';

export const DEFAULT_SOCKET = '/run/shoal/shoal.sock';

export function daemonClient(socket: string) {
  const proto = loadProto<ProtoGrpcType>('daemon.proto');
  // unix:// takes an absolute path; a relative --socket is relative to the working directory.
  return new proto.shoal.daemon.Daemon(`unix://${path.resolve(socket)}`, grpc.credentials.createInsecure());
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

type Callback<Res> = (err: grpc.ServiceError | null, res?: Res) => void;

/** Calls a unary method and turns a gRPC failure into an Error carrying only its message. */
export function callUnary<Res>(
  invoke: (deadline: grpc.CallOptions, cb: Callback<Res>) => unknown,
  timeoutMs: number,
): Promise<Res> {
  return new Promise((resolve, reject) =>
    invoke({ deadline: Date.now() + timeoutMs }, (err, res) => {
      if (err) {
        const e = new Error(err.details || err.message) as Error & { code?: number };
        e.code = err.code;
        reject(e);
      } else resolve(res as Res);
    }),
  );
}
