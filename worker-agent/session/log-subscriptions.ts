// The agent's side of `service logs`: each time the session registers with a leader, open
// that leader's LogSubscriptions stream; serve each subscription it sends with its own
// PublishLogs call (worker-agent/logs/publish.ts), and stop it when the leader says
// close, when that call ends from the manager's side, or when the session moves on.
import * as grpc from '@grpc/grpc-js';
import Docker from 'dockerode';
import { loadProto } from '../../proto/load';
import type { ProtoGrpcType } from '../../proto/gen/dispatcher';
import type { DispatcherClient } from '../../proto/gen/shoal/dispatcher/Dispatcher';
import type { LogSubscription__Output } from '../../proto/gen/shoal/dispatcher/LogSubscription';
import type { PublishLogsMessage } from '../../proto/gen/shoal/dispatcher/PublishLogsMessage';
import { clientCredentials, NodeCredentials } from '../../proto/node-tls';
import { publishSubscription } from '../logs/publish';

export interface LogSubscriptionsOptions {
  clusterId: string;
  credentials: () => NodeCredentials;
  dockerSocket: string;
  logger: {
    debug(msg: string, fields?: Record<string, unknown>): void;
    warn(msg: string, fields?: Record<string, unknown>): void;
  };
}

/** What this module needs from the session: its registrations. */
export interface RegisteringSession {
  on(event: 'registered', listener: (r: { manager: string; sessionId: string }) => void): unknown;
}

export class LogSubscriptions {
  private client: DispatcherClient | undefined;
  private stream: grpc.ClientReadableStream<LogSubscription__Output> | undefined;
  private readonly running = new Map<string, AbortController>();
  private docker: Docker | undefined;
  private closed = false;

  constructor(private readonly opts: LogSubscriptionsOptions) {}

  attach(session: RegisteringSession): void {
    session.on('registered', (r) => this.follow(r.manager, r.sessionId));
  }

  get active(): number {
    return this.running.size;
  }

  follow(manager: string, sessionId: string): void {
    if (this.closed) return;
    this.drop();
    const Dispatcher = loadProto<ProtoGrpcType>('dispatcher.proto').shoal.dispatcher.Dispatcher;
    const client = new Dispatcher(
      manager,
      clientCredentials(this.opts.credentials(), { clusterId: this.opts.clusterId }),
    );
    this.client = client;
    const stream = client.LogSubscriptions({ sessionId });
    this.stream = stream;
    stream.on('data', (sub: LogSubscription__Output) => {
      if (sub.close) this.running.get(sub.id)?.abort();
      else if (!this.running.has(sub.id)) this.serve(client, sessionId, sub);
    });
    stream.on('error', (err: grpc.ServiceError) => {
      if (err.code !== grpc.status.CANCELLED)
        this.opts.logger.debug('log subscriptions stream ended', {
          manager,
          error: err.details ?? err.message,
        });
    });
  }

  close(): void {
    this.closed = true;
    this.drop();
  }

  /** The session moved on: its subscriptions die with it (the new leader knows none). */
  private drop(): void {
    for (const ac of this.running.values()) ac.abort();
    this.running.clear();
    this.stream?.cancel();
    this.stream = undefined;
    this.client?.close();
    this.client = undefined;
  }

  private serve(client: DispatcherClient, sessionId: string, sub: LogSubscription__Output): void {
    const ac = new AbortController();
    this.running.set(sub.id, ac);
    const call = client.PublishLogs((err) => {
      // The manager answered before we finished: the subscriber went away.
      ac.abort();
      if (err && err.code !== grpc.status.CANCELLED)
        this.opts.logger.debug('publishing logs ended', { subscription: sub.id, error: err.details });
    });
    const head = { sessionId, subscriptionId: sub.id };
    const send = (m: Omit<PublishLogsMessage, 'sessionId' | 'subscriptionId'>) =>
      call.write({ ...head, ...m });
    send({ messages: [], warnings: [] }); // registers the call, also when there is nothing to read
    this.docker ??= new Docker({ socketPath: this.opts.dockerSocket });
    const request = {
      selector: { serviceIds: sub.selector?.serviceIds ?? [], taskIds: sub.selector?.taskIds ?? [] },
      options: {
        follow: sub.options?.follow ?? false,
        tail: sub.options?.tail ?? -1,
        sinceUnixMs: sub.options?.sinceUnixMs ?? 0,
      },
    };
    const sink = {
      write: send,
      drain: () =>
        new Promise<void>((resolve) => {
          const done = () => {
            call.off('drain', done);
            ac.signal.removeEventListener('abort', done);
            resolve();
          };
          call.once('drain', done);
          ac.signal.addEventListener('abort', done, { once: true });
        }),
    };
    publishSubscription(this.docker, request, sink, ac.signal)
      .catch((err: Error) => {
        if (!ac.signal.aborted) send({ messages: [], warnings: [`cannot read logs: ${err.message}`] });
      })
      .finally(() => {
        if (this.running.get(sub.id) === ac) this.running.delete(sub.id);
        call.end();
      });
  }
}
