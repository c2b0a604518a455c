// A follower's half of a server stream served by the leader (log subscriptions, watches):
// the operator's stream is re-opened on the leader and the leader's messages are passed
// through. Back-pressure carries over: when the operator reads slowly the leader's
// stream is paused (and through it, for logs, the agents' PublishLogs calls).
import * as grpc from '@grpc/grpc-js';
import { FORWARDED_HEADER, ManagerConnections } from './forwarding';

export function relayStream<Req, Msg>(
  connections: ManagerConnections,
  address: string,
  method: grpc.MethodDefinition<Req, Msg>,
  call: grpc.ServerWritableStream<Req, Msg>,
): void {
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
  let done = false;
  upstream.on('data', (msg: Msg) => {
    if (done) return;
    if (!call.write(msg)) {
      upstream.pause();
      call.once('drain', () => upstream.resume());
    }
  });
  upstream.on('error', (err: grpc.ServiceError) => {
    if (done) return;
    done = true;
    if (err.code === grpc.status.CANCELLED) return; // the operator went away first
    const details =
      err.code === grpc.status.UNAVAILABLE
        ? `the leader at ${address} is not reachable (${err.details}); retry once a leader is elected`
        : err.details;
    call.emit('error', { code: err.code, details, metadata: err.metadata });
  });
  // 'end' comes after every buffered message was delivered (an error comes first instead).
  upstream.on('end', () => {
    if (done) return;
    done = true;
    call.end();
  });
  call.on('cancelled', () => {
    done = true;
    upstream.cancel();
  });
}
