// A follower's half of a server stream served by the leader (log subscriptions, watches):
// the operator's stream is re-opened on the leader and the leader's messages are passed
// through. Back-pressure carries over: when the operator reads slowly the leader's
// stream is paused (and through it, for logs, the agents' PublishLogs calls).
import * as grpc from '@grpc/grpc-js';
import { FORWARDED_HEADER, ManagerConnections } from './forwarding';

export interface Relay {
  /** Ends both sides now, the operator's with `err`. */
  abort(err: Partial<grpc.StatusObject>): void;
  /** Resolves when the relay ended, whichever way. */
  done: Promise<void>;
}

export function relayStream<Req, Msg>(
  connections: ManagerConnections,
  address: string,
  method: grpc.MethodDefinition<Req, Msg>,
  call: grpc.ServerWritableStream<Req, Msg>,
): Relay {
  let finished = false;
  let ended: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (ended = resolve));
  /** Marks the relay over; false when it already was. */
  const finish = (): boolean => {
    if (finished) return false;
    finished = true;
    ended();
    return true;
  };
  const md = new grpc.Metadata();
  md.set(FORWARDED_HEADER, '1');
  const upstream = connections
    .get(address)
    .makeServerStreamRequest(
      method.path,
      method.requestSerialize,
      method.responseDeserialize,
      call.request,
      md,
    );
  upstream.on('data', (msg: Msg) => {
    if (finished) return;
    if (!call.write(msg)) {
      upstream.pause();
      call.once('drain', () => upstream.resume());
    }
  });
  upstream.on('error', (err: grpc.ServiceError) => {
    if (!finish()) return;
    if (err.code === grpc.status.CANCELLED) return; // the operator went away first
    const details =
      err.code === grpc.status.UNAVAILABLE
        ? `the leader at ${address} is not reachable (${err.details}); retry once a leader is elected`
        : err.details;
    call.emit('error', { code: err.code, details, metadata: err.metadata });
  });
  // 'end' comes after every buffered message was delivered (an error comes first instead).
  upstream.on('end', () => {
    if (finish()) call.end();
  });
  call.on('cancelled', () => {
    if (finish()) upstream.cancel();
  });
  return {
    abort: (err) => {
      if (!finish()) return;
      upstream.cancel();
      call.emit('error', err);
    },
    done,
  };
}
