// Control API: SubscribeLogs (`service logs`). Served by the leader, whose log broker
// reaches all agents (routing: leader-stream.ts). The stream ends when every asked node
// finished, or with -f when the operator cancels; this manager losing the leadership
// ends it with UNAVAILABLE rather than leaving it silent.
import * as grpc from '@grpc/grpc-js';
import type { SubscribeLogsRequest__Output } from '../../proto/gen/shoal/api/SubscribeLogsRequest';
import type { SubscribeLogsMessage } from '../../proto/gen/shoal/api/SubscribeLogsMessage';
import { statusError } from '../ca';
import { asServiceError } from '../grpc-util';
import type { ManagerContext } from '../context';
import type { LogSink } from '../logs';
import type { ControlServerOptions } from './server';
import { endOnLostLeadership, leaderStreamHandler } from './leader-stream';

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
  // Operators only (a manager certificate on the cluster port): workers publish logs,
  // they never subscribe.
  return leaderStreamHandler(ctx, method, opts, unavailable, { validate: validateSubscribeLogs, serve });
}

function serve(c: ManagerContext, call: LogsCall): void {
  let finished = false;
  const finish = (err?: grpc.ServiceError) => {
    if (finished) return;
    finished = true;
    stopWatchingRole();
    if (err) call.emit('error', err);
    else call.end();
  };
  const sink: LogSink = {
    write: (msg) => (finished ? true : call.write(msg)),
    onDrain: (fn) => call.once('drain', fn),
    end: () => finish(),
  };
  let cancel: () => void = () => undefined;
  const stopWatchingRole = endOnLostLeadership(c, (err) => {
    cancel();
    finish(err);
  });
  try {
    cancel = c.logs.subscribe(call.request.selector!, call.request.options ?? defaultOptions, sink);
  } catch (err) {
    finish(asServiceError(err));
    return;
  }
  call.on('cancelled', () => {
    finished = true;
    stopWatchingRole();
    cancel();
  });
}

const defaultOptions = { follow: false, tail: -1, sinceUnixMs: 0 };
