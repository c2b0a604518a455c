// The shape every server-streaming Control method shares (SubscribeLogs, Watch): like
// every control call it is served by the leader, so a follower relays the stream there
// (manager/stream-relay.ts) until the stream ends or the leader changes; on the cluster
// port only manager certificates may call.
// The request is checked before anything is opened, so a bad one fails with the field
// named whichever manager it reached.
import * as grpc from '@grpc/grpc-js';
import { statusError } from '../ca';
import { asServiceError } from '../grpc-util';
import type { ManagerContext } from '../context';
import { isForwarded } from '../forwarding';
import { relayStream } from '../stream-relay';
import { requireNodeRecord, type ControlServerOptions } from './server';

export interface LeaderStream<Req, Msg> {
  /** Field-named checks of the request; throws INVALID_ARGUMENT. */
  validate(req: Req): void;
  /** Serves the stream on the leader; owns the call from here on. */
  serve(c: ManagerContext, call: grpc.ServerWritableStream<Req, Msg>): void;
}

export function leaderStreamHandler<Req, Msg>(
  ctx: () => ManagerContext | undefined,
  method: grpc.MethodDefinition<unknown, unknown>,
  opts: ControlServerOptions,
  unavailable: () => Error,
  impl: LeaderStream<Req, Msg>,
): grpc.handleServerStreamingCall<Req, Msg> {
  return (call) => {
    route(call).catch((err: unknown) => call.emit('error', asServiceError(err)));
  };

  async function route(call: grpc.ServerWritableStream<Req, Msg>): Promise<void> {
    const c = ctx();
    if (!c) throw unavailable();
    if (opts.authenticate) {
      const caller = c.authenticator.requireRole(call, 'manager');
      await requireNodeRecord(c, caller.nodeId);
    }
    impl.validate(call.request);
    const route = await c.leaderRoute(opts.leaderWaitMs ?? 3_000);
    if (!route.self) {
      if (isForwarded(call))
        throw statusError(
          grpc.status.UNAVAILABLE,
          'not the leader (the relaying manager had a stale view); retry',
        );
      const relay = relayStream(
        c.connections,
        route.address,
        method,
        call as grpc.ServerWritableStream<unknown, unknown>,
      );
      // A leader that died without closing its connection (a lost host) would leave the
      // relayed stream silent; a leader change here ends it, and the caller asks again.
      const onLeader = () =>
        relay.abort({
          code: grpc.status.UNAVAILABLE,
          details: `the leader changed while relaying from ${route.address}; run the command again`,
        });
      c.raft.on('leader', onLeader);
      void relay.done.then(() => c.raft.off('leader', onLeader));
      return;
    }
    impl.serve(c, call);
  }
}

/**
 * Ends `end` with UNAVAILABLE when this manager stops leading, rather than leaving the
 * stream silent (a new leader serves the next one). Returns the function that stops
 * listening.
 */
export function endOnLostLeadership(
  c: Pick<ManagerContext, 'raft' | 'isLeader'>,
  end: (err: grpc.ServiceError) => void,
): () => void {
  const onRole = () => {
    if (c.isLeader) return;
    end(
      asServiceError(
        statusError(grpc.status.UNAVAILABLE, 'this manager stopped leading; run the command again'),
      ),
    );
  };
  c.raft.on('role', onRole);
  return () => c.raft.off('role', onRole);
}
