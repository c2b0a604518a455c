// The dispatcher's log rpcs: an agent keeps one LogSubscriptions stream per session, on
// which the leader's log broker sends the subscriptions it must serve, and opens one
// PublishLogs call per subscription to send the lines. Both belong to the agent's
// session: they close with it, and what the agent publishes is checked against its node.
import * as grpc from '@grpc/grpc-js';
import type { DispatcherHandlers } from '../../proto/gen/shoal/dispatcher/Dispatcher';
import type { PublishLogsMessage__Output } from '../../proto/gen/shoal/dispatcher/PublishLogsMessage';
import type { PublishLogsResponse } from '../../proto/gen/shoal/dispatcher/PublishLogsResponse';
import type { LogBroker, LogPublisher } from '../logs';
import { asServiceError } from '../grpc-util';

/** What the dispatcher tells about a call's session. */
export interface SessionOf {
  nodeId: string;
  /** Runs `fn` when the session ends; returns the unregister. */
  onClose(fn: () => void): () => void;
}

export type SessionCheck = (call: object, sessionId: string) => SessionOf;

export function logHandlers(
  broker: LogBroker,
  session: SessionCheck,
): Pick<DispatcherHandlers, 'LogSubscriptions' | 'PublishLogs'> {
  return {
    LogSubscriptions: (call) => {
      let s: SessionOf;
      try {
        s = session(call, call.request.sessionId);
      } catch (err) {
        call.emit('error', asServiceError(err));
        return;
      }
      const detach = broker.attachAgent(s.nodeId, { send: (sub) => call.write(sub) });
      const offClose = s.onClose(() => {
        detach();
        call.end();
      });
      call.on('cancelled', () => {
        detach();
        offClose();
      });
    },

    PublishLogs: (call, callback) => publish(broker, session, call, callback),
  };
}

function publish(
  broker: LogBroker,
  session: SessionCheck,
  call: grpc.ServerReadableStream<PublishLogsMessage__Output, PublishLogsResponse>,
  callback: grpc.sendUnaryData<PublishLogsResponse>,
): void {
  let publisher: LogPublisher | undefined;
  let offClose: (() => void) | undefined;
  let done = false;
  const finish = (err?: unknown) => {
    if (done) return;
    done = true;
    offClose?.();
    publisher?.close();
    call.removeAllListeners('data');
    if (err) callback(asServiceError(err));
    else callback(null, {});
  };
  call.on('data', (msg: PublishLogsMessage__Output) => {
    if (done) return;
    try {
      if (!publisher) {
        const s = session(call, msg.sessionId);
        publisher = broker.openPublisher(s.nodeId, msg.subscriptionId, () => finish());
        offClose = s.onClose(() => finish());
      }
      if (!publisher.deliver(msg)) {
        call.pause();
        publisher.onDrain(() => call.resume());
      }
    } catch (err) {
      finish(err);
    }
  });
  call.on('end', () => finish());
  call.on('error', () => finish());
  call.on('cancelled', () => finish());
}
