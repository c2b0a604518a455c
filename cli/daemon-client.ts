// The CLI's client for the local shoald's Daemon service over its unix socket (through
// ./unary-call: no grpc-js), and the promise wrapper for grpc-js unary calls elsewhere.
import type * as Grpc from '@grpc/grpc-js';
import { methodCodec } from '../proto/light';
import { callMethod } from './socket-call';
import type { DaemonClient } from '../proto/gen/shoal/daemon/Daemon';
import type { PingResponse__Output } from '../proto/gen/shoal/daemon/PingResponse';

export { DEFAULT_SOCKET } from './default-socket';

/** Calls a Daemon method by name on the shoald at `socket` (relative to the working directory). */
export function daemonCall<Res>(
  socket: string,
  method: keyof DaemonClient & string,
  req: object,
  timeoutMs: number,
): Promise<Res> {
  return callMethod<Res>(socket, methodCodec('daemon.proto', 'shoal.daemon.Daemon', method), req, timeoutMs);
}

export function ping(socket: string, timeoutMs = 3000): Promise<PingResponse__Output> {
  return daemonCall<PingResponse__Output>(socket, 'Ping', {}, timeoutMs);
}

type Callback<Res> = (err: Grpc.ServiceError | null, res?: Res) => void;

/** Calls a grpc-js unary method and turns a failure into an Error carrying only its message. */
export function callUnary<Res>(
  invoke: (deadline: Grpc.CallOptions, cb: Callback<Res>) => unknown,
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
