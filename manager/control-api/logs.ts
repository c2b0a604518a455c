// Control API: SubscribeLogs, the one server-streaming method (`service logs`). Like every
// control call it is served by the leader, whose log broker reaches all agents; a
// follower relays the stream there (manager/logs/relay.ts). The stream ends when every
// asked node finished, or with -f when the operator cancels; this manager losing the
// leadership ends it with UNAVAILABLE rather than leaving it silent.
import * as grpc from '@grpc/grpc-js';
import type { SubscribeLogsRequest__Output } from '../../proto/gen/shoal/api/SubscribeLogsRequest';
import type { SubscribeLogsMessage } from '../../proto/gen/shoal/api/SubscribeLogsMessage';
import { statusError } from '../ca';
import { asServiceError } from '../grpc-util';
import type { ManagerContext } from '../context';
import { isForwarded } from '../forwarding';
import { relayLogs } from '../logs';
import type { LogSink } from '../logs';
import { requireNodeRecord, type ControlServerOptions } from './server';

type LogsCall = grpc.ServerWritableStream<SubscribeLogsRequest__Output, SubscribeLogsMessage>;

/** Field-named checks of the request; the broker checks that the ids exist. */
export function validateSubscribeLogs(req: SubscribeLogsRequest__Output): void {
  const sel = req.selector;
  if (!sel || (!sel.serviceIds.length && !sel.taskIds.length))
    throw statusError(grpc.status.INVALID_ARGUMENT, 'selector: name at least one service or task');
  if ([...sel.serviceIds, ...sel.taskIds].some((id) => !id))
    throw statusError(grpc.status.INVALID_ARGUMENT, 'selector: ids must not be empty');
  const since = req.options?.sinceUnixMs ?? 0;
  if (!Number.isSafeInteger(since) || since < 0)
    throw statusError(grpc.status.INVALID_ARGUMENT, `options.since_unix_ms: expected >= 0, got ${since}`);
}

export function subscribeLogsHandler(
  ctx: () => ManagerContext | undefined,
  method: grpc.MethodDefinition<unknown, unknown>,
  opts: ControlServerOptions,
  unavailable: () => Error,
): grpc.handleServerStreamingCall<SubscribeLogsRequest__Output, SubscribeLogsMessage> {
  return (call) => {
    serve(call).catch((err: unknown) => call.emit('error', asServiceError(err)));
  };

  async function serve(call: LogsCall): Promise<void> {
    const c = ctx();
    if (!c) throw unavailable();
    if (opts.authenticate) {
      // Operators only: a manager certificate (workers publish, they never subscribe).
      const caller = c.authenticator.requireRole(call, 'manager');
      await requireNodeRecord(c, caller.nodeId);
    }
    validateSubscribeLogs(call.request);
    const route = await c.leaderRoute(opts.leaderWaitMs ?? 3_000);
    if (!route.self) {
      if (isForwarded(call))
        throw statusError(
          grpc.status.UNAVAILABLE,
          'not the leader (the relaying manager had a stale view); retry',
        );
      relayLogs(c.connections, route.address, method, call as grpc.ServerWritableStream<unknown, unknown>);
      return;
    }
    serveHere(c, call);
  }
}

function serveHere(c: ManagerContext, call: LogsCall): void {
  let finished = false;
  const finish = (err?: grpc.ServiceError) => {
    if (finished) return;
    finished = true;
    c.raft.off('role', onRole);
    if (err) call.emit('error', err);
    else call.end();
  };
  const sink: LogSink = {
    write: (msg) => (finished ? true : call.write(msg)),
    onDrain: (fn) => call.once('drain', fn),
    end: () => finish(),
  };
  const onRole = () => {
    if (c.isLeader) return;
    cancel();
    finish(
      asServiceError(
        statusError(grpc.status.UNAVAILABLE, 'this manager stopped leading; run the command again'),
      ),
    );
  };
  c.raft.on('role', onRole);
  let cancel: () => void = () => undefined;
  try {
    cancel = c.logs.subscribe(call.request.selector!, call.request.options ?? defaultOptions, sink);
  } catch (err) {
    finish(asServiceError(err));
    return;
  }
  call.on('cancelled', () => {
    finished = true;
    c.raft.off('role', onRole);
    cancel();
  });
}

const defaultOptions = { follow: false, tail: -1, sinceUnixMs: 0 };
